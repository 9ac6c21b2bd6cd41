using InfraLedger.Cli;
using InfraLedger.Core.Database;
using InfraLedger.Core.Operations;
using InfraLedger.Core.Tenancy;
using InfraLedger.Tests;
using InfraLedger.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace InfraLedger.Web.Tests.Operations;

/// <summary>Issue 23 item 4: the CLI reads the web app's settings; the demo only in Development or when asked.</summary>
public sealed class SettingsTests
{
    [Fact]
    public async Task the_web_app_and_the_cli_read_the_same_files_and_variables()
    {
        await using var web = WebApp.Build(["--urls", "http://127.0.0.1:0"]);
        var cli = AppSettings.Build(AppContext.BaseDirectory, new ConfigurationBuilder().AddEnvironmentVariables().Build());

        Files(cli).ShouldBe(Files((IConfigurationRoot)web.Configuration));
        Files(cli).ShouldContain(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        Files(cli).ShouldContain(Path.Combine(AppContext.BaseDirectory, $"appsettings.{web.Environment.EnvironmentName}.json"));
        foreach (var (key, value) in cli.AsEnumerable().Where(s => s.Value is not null))
        {
            web.Configuration[key].ShouldBe(value, key);
        }
    }

    [Fact]
    public async Task the_cli_takes_its_database_from_the_settings_file_of_its_environment()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var settings = Directory.CreateTempSubdirectory("infraledger-settings-");
        var work = Directory.CreateTempSubdirectory("infraledger-work-");
        try
        {
            // Only the Staging file names the database; appsettings.json names another, which must stay untouched.
            await File.WriteAllTextAsync(Path.Combine(settings.FullName, "appsettings.json"), """{"ConnectionStrings":{"InfraLedger":"Data Source=wrong.db"}}""");
            await File.WriteAllTextAsync(Path.Combine(settings.FullName, "appsettings.Staging.json"), System.Text.Json.JsonSerializer.Serialize(new
            {
                Database = new { Provider = database.Settings.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite" },
                ConnectionStrings = new { InfraLedger = database.Settings.ConnectionString },
            }));
            var variables = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Staging" }).Build();

            async Task<(int Code, string Out)> Run(params string[] args)
            {
                using var stdout = new StringWriter();
                using var stderr = new StringWriter();
                var code = await CliApp.RunAsync(args, new CliInvocation(stdout, stderr, variables, work.FullName) { SettingsDirectory = settings.FullName }, CancellationToken.None);
                return (code, stdout + stderr.ToString());
            }

            (await Run("db", "seed", "--master-only")).Code.ShouldBe(0);
            var list = await Run("tenants", "list", "--code", "222127");

            list.Code.ShouldBe(0, list.Out);
            list.Out.ShouldContain("焼津市");
            File.Exists(Path.Combine(work.FullName, "wrong.db")).ShouldBeFalse();
            await using var db = database.Context();
            (await db.LocalGovernments.CountAsync()).ShouldBeGreaterThan(1_700);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            settings.Delete(recursive: true);
            work.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", null, true)]
    public async Task the_web_app_loads_the_master_on_start_and_the_demo_only_in_development_or_when_asked(string environment, string? seed, bool demo)
    {
        await using var app = new AppFactory(await TestDatabase.CreateEmptyAsync());
        await using var host = app.WithWebHostBuilder(b => b.UseEnvironment(environment).UseSetting("Demo:Seed", seed));

        (await host.CreateClient().GetAsync("/health")).EnsureSuccessStatusCode();

        await using var db = app.Database.Context(DemoData.TenantCode);
        (await db.LocalGovernments.CountAsync()).ShouldBeGreaterThan(1_700);
        (await db.Users.AnyAsync(u => u.Email == DemoData.AdminEmail)).ShouldBe(demo);
        (await db.Facilities.AnyAsync()).ShouldBe(demo);
    }

    private static List<string> Files(IConfigurationRoot configuration) =>
        [.. configuration.Providers.OfType<JsonConfigurationProvider>().Select(p => Path.Combine(((PhysicalFileProvider)p.Source.FileProvider!).Root, p.Source.Path!))];
}
