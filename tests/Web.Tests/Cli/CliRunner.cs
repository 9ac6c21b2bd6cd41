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
    private readonly TestDatabase? postgres;

    private CliRunner(string directory, TestDatabase? postgres)
    {
        Directory = directory;
        this.postgres = postgres;
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
        System.IO.Directory.Delete(Directory, recursive: true);
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
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
