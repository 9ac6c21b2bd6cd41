using InfraLedger.Core.Operations;
using Microsoft.Extensions.Configuration;

namespace InfraLedger.Core.Tests.Operations;

[Trait("Database", "any")] // settings files and variables only
public sealed class AppSettingsTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("infraledger-settings-");

    public void Dispose() => directory.Delete(recursive: true);

    private static IConfiguration Variables(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData(null, null, "Production")]
    [InlineData(null, "Staging", "Staging")]
    [InlineData("Development", "Staging", "Development")] // the web host reads ASPNETCORE_ after DOTNET_: the former wins
    [InlineData(" ", "Staging", "Staging")]
    public void the_environment_is_named_as_the_web_host_names_it(string? aspnetcore, string? dotnet, string expected)
    {
        var variables = new List<(string, string)>();
        if (aspnetcore is not null)
        {
            variables.Add(("ASPNETCORE_ENVIRONMENT", aspnetcore));
        }

        if (dotnet is not null)
        {
            variables.Add(("DOTNET_ENVIRONMENT", dotnet));
        }

        AppSettings.EnvironmentName(Variables([.. variables])).ShouldBe(expected);
    }

    [Fact]
    public void the_environments_file_overrides_appsettings_and_a_variable_overrides_both()
    {
        File.WriteAllText(Path.Combine(directory.FullName, "appsettings.json"), """{"Jobs":{"Workers":"2","PerTenant":"1","Import":{"MaxSize":"100"}}}""");
        File.WriteAllText(Path.Combine(directory.FullName, "appsettings.Staging.json"), """{"Jobs":{"Workers":"4","PerTenant":"3"}}""");
        File.WriteAllText(Path.Combine(directory.FullName, "appsettings.Production.json"), """{"Jobs":{"Workers":"99"}}""");

        var settings = AppSettings.Build(directory.FullName, Variables(("DOTNET_ENVIRONMENT", "Staging"), ("Jobs:PerTenant", "5")));

        settings["Jobs:Workers"].ShouldBe("4");
        settings["Jobs:PerTenant"].ShouldBe("5");
        settings["Jobs:Import:MaxSize"].ShouldBe("100");
    }

    [Fact]
    public void a_directory_without_settings_files_leaves_the_variables()
    {
        var settings = AppSettings.Build(directory.FullName, Variables(("ConnectionStrings:InfraLedger", "Data Source=x.db")));

        settings.GetConnectionString("InfraLedger").ShouldBe("Data Source=x.db");
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Staging", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    public void the_demo_is_seeded_only_in_development_or_when_asked(string environment, string? seed, bool expected)
    {
        var configuration = seed is null ? Variables() : Variables(("Demo:Seed", seed));

        AppSettings.SeedsDemo(configuration, environment).ShouldBe(expected);
    }
}
