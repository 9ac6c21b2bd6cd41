using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using InfraLedger.Core.Common;
using Npgsql;

namespace InfraLedger.Core.Database.Backup;

/// <summary>
/// PostgreSQL's client programs (pg_dump, pg_restore) run as processes. pg_dump refuses a server newer than itself, so a
/// program of the server's major version or newer is chosen: from the directory given, else Debian's
/// <c>/usr/lib/postgresql/N/bin</c> (the server's version first), else the PATH. The connection comes from the
/// application's connection string; its password goes in the child's environment (PGPASSWORD), never on its command line.
/// </summary>
internal static partial class PostgresTools
{
    public sealed record Run(int ExitCode, string Out, string Error);

    public static async Task<int> ServerMajorAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SHOW server_version_num", connection);
        return int.Parse((string)(await cmd.ExecuteScalarAsync(ct))!, CultureInfo.InvariantCulture) / 10000;
    }

    /// <summary>The path of <paramref name="tool"/> whose major version is at least the server's.</summary>
    public static async Task<Result<string>> FindAsync(string tool, int serverMajor, string? directory, CancellationToken ct)
    {
        var file = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        IEnumerable<string> candidates = directory is not null
            ? new[] { Path.Combine(directory, file) }
            : Debian(serverMajor).Concat(
                (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, file)));
        foreach (var candidate in candidates.Where(File.Exists))
        {
            if (await MajorAsync(candidate, ct) >= serverMajor)
            {
                return candidate;
            }
        }

        return Errors.ToolMissing(tool, serverMajor);

        IEnumerable<string> Debian(int major)
        {
            const string root = "/usr/lib/postgresql";
            var versions = Directory.Exists(root)
                ? Directory.EnumerateDirectories(root).Select(Path.GetFileName).Select(n => int.TryParse(n, out var v) ? v : 0).Where(v => v >= major)
                : [];
            return versions.OrderBy(v => v == major ? 0 : v).Select(v => Path.Combine(root, v.ToString(CultureInfo.InvariantCulture), "bin", file));
        }
    }

    /// <summary>Runs a client program against the database of <paramref name="connection"/> (null: no connection, e.g. reading an archive).</summary>
    public static async Task<Run> RunAsync(string path, IEnumerable<string> args, NpgsqlConnectionStringBuilder? connection, CancellationToken ct)
    {
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (connection is not null)
        {
            Connect(info, connection);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{path} を起動できません。");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Run(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The tables (schema-qualified names dropped) of a custom-format archive's table of contents.</summary>
    public static IReadOnlyList<string> ArchiveTables(string list) =>
        list.Split('\n').Select(l => TocTable().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    private static void Connect(ProcessStartInfo info, NpgsqlConnectionStringBuilder connection)
    {
        info.ArgumentList.Add("--no-password"); // never wait for a prompt
        if (!string.IsNullOrEmpty(connection.Host))
        {
            info.ArgumentList.Add("--host=" + connection.Host);
        }

        info.ArgumentList.Add("--port=" + connection.Port.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(connection.Username))
        {
            info.ArgumentList.Add("--username=" + connection.Username);
        }

        if (!string.IsNullOrEmpty(connection.Database))
        {
            info.ArgumentList.Add("--dbname=" + connection.Database);
        }

        info.Environment["PGAPPNAME"] = "infraledger";
        if (!string.IsNullOrEmpty(connection.Password))
        {
            info.Environment["PGPASSWORD"] = connection.Password;
        }

        if (!string.IsNullOrEmpty(connection.Passfile))
        {
            info.Environment["PGPASSFILE"] = connection.Passfile;
        }

        info.Environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
    }

    private static async Task<int> MajorAsync(string path, CancellationToken ct)
    {
        try
        {
            var run = await RunAsync(path, ["--version"], null, ct);
            var match = VersionLine().Match(run.Out);
            return run.ExitCode == 0 && match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 0; // not executable
        }
    }

    /// <summary>"pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)".</summary>
    [GeneratedRegex(@"\(PostgreSQL\)\s+(\d+)")]
    private static partial Regex VersionLine();

    /// <summary>"215; 1259 16390 TABLE public facilities postgres".</summary>
    [GeneratedRegex(@"^\d+;\s+\d+\s+\d+\s+TABLE\s+\S+\s+(\S+)\s")]
    private static partial Regex TocTable();
}
