using System.Diagnostics;
using InfraLedger.Core.Database;
using InfraLedger.Tests;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// Runs the real <c>infraledger</c> binary in a temporary empty directory. On SQLite it uses the default
/// database file of that directory; on PostgreSQL an empty test database given through the environment.
/// </summary>
public sealed class CliRunner : IAsyncDisposable
{
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

    public async Task<Output> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
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

        info.Environment.Remove("Database__Provider");
        info.Environment.Remove("ConnectionStrings__InfraLedger");
        if (postgres is not null)
        {
            info.Environment["Database__Provider"] = "postgres";
            info.Environment["ConnectionStrings__InfraLedger"] = postgres.Settings.ConnectionString;
        }

        return info;
    }

    public async ValueTask DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }

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
