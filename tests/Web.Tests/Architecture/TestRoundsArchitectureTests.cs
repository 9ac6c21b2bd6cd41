using System.Text.RegularExpressions;

namespace InfraLedger.Web.Tests.Architecture;

/// <summary>
/// scripts/test runs every test on SQLite and, on PostgreSQL, only the classes not marked
/// with the trait Database=any. The mark leaves a class out of the PostgreSQL round, so it may sit only where the
/// outcome cannot depend on the database: Core tests that use none, the browser tests (their pages' server side is
/// tested over HTTP on both databases) and the comparison of the CLI's process and in-process runs.
/// </summary>
public sealed partial class TestRoundsArchitectureTests
{
    private const string Mark = "[Trait(\"Database\", \"any\")]";

    [Fact]
    public void a_core_test_marked_for_any_database_uses_none()
    {
        var offenders = TestFiles("Core.Tests").Where(f => f.Text.Contains(Mark, StringComparison.Ordinal) && DatabaseUse().IsMatch(f.Text)).Select(f => f.File);

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void a_web_test_is_marked_for_any_database_only_in_the_browser_tests_or_the_process_comparison()
    {
        var marked = TestFiles("Web.Tests").Where(f => f.Text.Contains(Mark, StringComparison.Ordinal)).Select(f => f.File).ToList();

        // DatabaseCopyCliTests: always SQLite to PostgreSQL, whichever database the round is about.
        marked.Where(f => !f.StartsWith("Browser/", StringComparison.Ordinal) && f is not ("Cli/CliProcessTests.cs" or "Cli/DatabaseCopyCliTests.cs")).ShouldBeEmpty();
        marked.ShouldContain("Browser/AccessibilityTests.cs");
    }

    [Fact]
    public void the_postgresql_round_of_scripts_test_leaves_out_only_the_marked_classes()
    {
        var script = File.ReadAllText(Path.Combine(Root(), "scripts", "test"));

        script.ShouldContain("[ $db = postgres ] && filter=(--filter 'Database!=any')");
        script.ShouldContain("[ $db = sqlite ] && filter=(--filter 'Database!=postgres')");
    }

    [Fact]
    public void a_test_left_to_the_postgresql_round_names_postgresql_itself()
    {
        var marked = TestFiles("Core.Tests").Concat(TestFiles("Web.Tests"))
            .Where(f => f.Text.Contains("[Trait(\"Database\", \"postgres\")]", StringComparison.Ordinal)).ToList();

        marked.ShouldNotBeEmpty();
        marked.Where(f => !f.Text.Contains("DatabaseProvider.Postgres", StringComparison.Ordinal)).Select(f => f.File).ShouldBeEmpty();
    }

    private static IEnumerable<(string File, string Text)> TestFiles(string project)
    {
        var directory = Path.Combine(Root(), "tests", project);
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(Path.Combine(directory, f))));
    }

    /// <summary>What a test that touches a database names: the test database, a context, the web host or the CLI runner.</summary>
    [GeneratedRegex(@"\bTestDatabase\b|\bAppDbContext\b|\.Context\(|\bAppFactory\b|\bCliRunner\b")]
    private static partial Regex DatabaseUse();

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InfraLedger.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("InfraLedger.slnx not found");
    }
}
