using InfraLedger.Cli;
using Microsoft.Extensions.Configuration;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>The command line in this process on a database of the test's choosing: the SQLite file of a directory, or a PostgreSQL database.</summary>
internal static class CliOn
{
    public static async Task<CliRunner.Output> RunAsync(string directory, string? postgres, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = postgres is null ? "sqlite" : "postgres",
            ["ConnectionStrings:InfraLedger"] = postgres ?? "Data Source=infraledger.db",
        }).Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var exitCode = await CliApp.RunAsync(args, new CliInvocation(stdout, stderr, configuration, directory), timeout.Token);
        return new CliRunner.Output(exitCode, stdout.ToString(), stderr.ToString());
    }
}
