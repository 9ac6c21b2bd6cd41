using System.Diagnostics;
using InfraLedger.Cli;
using InfraLedger.Core.Database;
using InfraLedger.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// Runs <c>infraledger</c> in a temporary empty directory. On SQLite it uses the default database file of that
/// directory; on PostgreSQL an empty test database given as the process would get it from its environment.
/// <see cref="RunAsync"/> runs the command line in this process (<see cref="CliApp"/>, with the directory and database
/// as its own configuration, so tests run side by side); <see cref="RunProcessAsync"/>, <see cref="Start"/> and
/// <see cref="StartInfo"/> run the real binary, for tests about the process itself.
/// </summary>
public sealed class CliRunner : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly TestDatabase? database;
    private readonly TestDatabase? postgres;

    private CliRunner(string directory, TestDatabase? database)
    {
        Directory = directory;
        this.database = database;
        postgres = database?.Settings.Provider == DatabaseProvider.Postgres ? database : null;
    }

    public string Directory { get; }

    public sealed record Output(int ExitCode, string Out, string Error);

    public static async Task<CliRunner> CreateAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"infraledger-cli-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(dir);
        var pg = TestDatabase.Provider == DatabaseProvider.Postgres ? await TestDatabase.CreateEmptyAsync() : null;
        return new CliRunner(dir, pg);
    }

    /// <summary>
    /// A directory whose database is what <c>infraledger db seed</c> leaves in an empty one (the demo), for tests that use
    /// the seed as their starting point: the command runs once per test run, in-process, and each runner gets a copy of
    /// its database (on SQLite the directory's default <c>infraledger.db</c>). Tests about the seed itself run the command.
    /// </summary>
    public static async Task<CliRunner> CreateSeededAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"infraledger-cli-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(dir);
        var database = await TestDatabase.CopyOfAsync("cli-demo-seed", SeedAsync, Path.Combine(dir, "infraledger.db"));
        return new CliRunner(dir, database);
    }

    private static async Task SeedAsync(DatabaseSettings settings)
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("infraledger-cli-seed-");
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = settings.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
                ["ConnectionStrings:InfraLedger"] = settings.ConnectionString,
            }).Build();
            using var timeout = new CancellationTokenSource(Timeout);
            var exitCode = await CliApp.RunAsync(["db", "seed"], new CliInvocation(stdout, stderr, configuration, dir.FullName), timeout.Token);
            exitCode.ShouldBe(0, $"{stdout}{stderr}");
            stdout.ToString().ShouldContain(Core.Tenancy.DemoData.AdminEmail);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Runs a command line in this process, as the binary would run it in <see cref="Directory"/>.</summary>
    public async Task<Output> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(DatabaseVariables()).Build();
        using var timeout = new CancellationTokenSource(Timeout);
        var exitCode = await CliApp.RunAsync(args, new CliInvocation(stdout, stderr, configuration, Directory), timeout.Token);
        return new Output(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a command line in its own <c>infraledger</c> process.</summary>
    public async Task<Output> RunProcessAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return new Output(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running command (serve); the caller stops it.</summary>
    public Process Start(params string[] args) => Process.Start(StartInfo(args))!;

    public ProcessStartInfo StartInfo(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(CliAssembly());
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (key, value) in DatabaseVariables())
        {
            info.Environment.Remove(key.Replace(":", "__", StringComparison.Ordinal));
            if (value is not null)
            {
                info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        return info;
    }

    public async ValueTask DisposeAsync()
    {
        // In-process invocations leave pooled connections to this directory's SQLite file.
        SqliteConnection.ClearAllPools();
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>The database settings the command line gets (null: unset, the SQLite file of the working directory).</summary>
    private Dictionary<string, string?> DatabaseVariables() => new()
    {
        ["Database:Provider"] = postgres is null ? null : "postgres",
        ["ConnectionStrings:InfraLedger"] = postgres?.Settings.ConnectionString,
    };

    /// <summary>src/Cli/bin/{same configuration as this test}/net10.0/infraledger.dll (built first through a project reference).</summary>
    private static string CliAssembly()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "InfraLedger.slnx")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root!.FullName, "src", "Cli", "bin", configuration, testBin.Name, "infraledger.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build the solution first", dll);
    }
}
