using System.Text.RegularExpressions;

namespace InfraLedger.Web.Tests.Cli;

/// <summary>
/// The other CLI tests run the command line in-process; these run one command of every family in the real
/// <c>infraledger</c> process too, on the seeded demo, and expect the very same exit code, stdout and stderr.
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
            // Files named relative to the working directory, which both runs must resolve the same way.
            await File.WriteAllTextAsync(Path.Combine(Cli.Directory, "register.csv"), "施設コード,施設名,延床面積（㎡）\nK1,中央公民館,\"1,200\"\nK2,北公民館,800\n");
            await File.WriteAllTextAsync(Path.Combine(Cli.Directory, "groups.csv"), "団体コード,年度,類似団体区分\n222127,2021,都市Ⅸ-9\n");
            await File.WriteAllTextAsync(Path.Combine(Cli.Directory, "population.csv"), "年度,人口,基準,基準日,出典\n2020,たくさん,国勢調査,2020-10-01,国勢調査\n");
            await File.WriteAllTextAsync(Path.Combine(Cli.Directory, "点検.csv"), "施設コード,点検日,判定区分\nNO-SUCH,2024-05-01,II\n");
        }

        public async Task DisposeAsync() => await Cli.DisposeAsync();
    }

    public static TheoryData<string, int, string[]> Families() => new()
    {
        { "help", 0, ["--help"] },
        { "a parse error", 1, ["tenants", "list", "--no-such-option"] },
        { "db", 0, ["db", "migrate"] },
        { "tenants", 0, ["tenants", "list", "--code", "222127"] },
        { "users", 2, ["users", "add", "--email", "yaizu-admin@example.jp", "--name", "二人目"] },
        { "tokens", 2, ["tokens", "create", "--tenant", "011011", "--name", "区"] },
        { "audit", 0, ["audit", "verify", "--tenant", "222127"] },
        { "import", 0, ["import", "--tenant", "222127", "register.csv", "--dry-run"] },
        { "indicators", 0, ["indicators", "--tenant", "222127", "--year", "2021", "--table", "ratio", "--format", "csv"] },
        { "statistics", 1, ["statistics", "similar-groups", "groups.csv", "--source", "テスト用"] },
        { "population", 1, ["population", "import", "--tenant", "222127", "population.csv"] },
        { "project", 0, ["project", "--tenant", "222127", "--base-year", "2024", "--table", "summary", "--format", "csv"] },
        { "scenario", 0, ["scenario", "show", "--tenant", "222127", "--name", "soumu"] },
        { "investments", 0, ["investments", "list", "--tenant", "222127"] },
        { "opendata", 0, ["opendata", "list"] },
        { "inspections", 1, ["inspections", "import", "--tenant", "222127", "点検.csv"] },
        { "deterioration", 2, ["deterioration", "show", "--tenant", "222143", "--kind", "bridge"] },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public async Task every_command_family_gives_the_same_result_in_its_own_process_as_in_process(string family, int exitCode, string[] args)
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
