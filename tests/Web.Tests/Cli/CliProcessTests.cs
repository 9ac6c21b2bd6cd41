using System.Text.RegularExpressions;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// The other CLI tests run the command line in-process, through the same entry point the process calls; these run one
/// command of each kind of outcome in the real <c>infraledger</c> process too, on the seeded demo, and expect the very
/// same exit code, stdout and stderr: help, a parse error (1), a read of the database (0), a refusal (2) and an import
/// that draws progress on stderr. What differs between the two runs is the host (console, encoding, exit code), not
/// the command, so one command per outcome covers it; every command family has its own in-process tests.
/// Commands that write are run where they refuse (nothing written), so that both runs see the same database.
/// </summary>
[Trait("Database", "any")] // process and in-process runs compared: the same on either database
public sealed partial class CliProcessTests(CliProcessTests.SeededDirectory seeded) : IClassFixture<CliProcessTests.SeededDirectory>
{
    public sealed class SeededDirectory : IAsyncLifetime
    {
        public CliRunner Cli { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Cli = await CliRunner.CreateSeededAsync(); // the seed in-process: the comparison is about the commands below
            // A file named relative to the working directory, which both runs must resolve the same way.
            await File.WriteAllTextAsync(Path.Combine(Cli.Directory, "register.csv"), "施設コード,施設名,延床面積（㎡）\nK1,中央公民館,\"1,200\"\nK2,北公民館,800\n");
        }

        public async Task DisposeAsync() => await Cli.DisposeAsync();
    }

    public static TheoryData<string, int, string[]> Outcomes() => new()
    {
        { "help", 0, ["--help"] },
        { "a parse error", 1, ["tenants", "list", "--no-such-option"] },
        { "tenants", 0, ["tenants", "list", "--code", "222127"] },
        { "users", 2, ["users", "add", "--email", "yaizu-admin@example.jp", "--name", "二人目"] },
        { "import", 0, ["import", "--tenant", "222127", "register.csv", "--dry-run"] },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task each_kind_of_outcome_is_the_same_in_its_own_process_as_in_process(string family, int exitCode, string[] args)
    {
        var process = await seeded.Cli.RunProcessAsync(args);
        var inProcess = await seeded.Cli.RunAsync(args);

        process.ExitCode.ShouldBe(exitCode, $"{family}: {process.Out}{process.Error}");
        (process.Out + process.Error).ShouldNotBeEmpty(family);
        inProcess.ExitCode.ShouldBe(process.ExitCode, family);
        inProcess.Out.ShouldBe(process.Out, family);
        WithoutProgress(inProcess.Error).ShouldBe(WithoutProgress(process.Error), family);
    }

    /// <summary>
    /// The import draws its progress on stderr (<c>\r… 行 / rows</c>), in both runs; a <see cref="Progress{T}"/> reports
    /// asynchronously, so how many such lines appear changes from run to run. Everything else on stderr may not.
    /// </summary>
    private static string WithoutProgress(string error) => ProgressLine().Replace(error, "");

    [GeneratedRegex("\r[^\r\n]*")]
    private static partial Regex ProgressLine();
}
