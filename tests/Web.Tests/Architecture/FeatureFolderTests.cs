using System.Text.RegularExpressions;

namespace InfraLedger.Web.Tests.Architecture;

/// <summary>Issue 18: one folder per feature from page to database, refusals in Errors.cs, thin hosts, small files, the CLI ↔ Web rule.</summary>
public sealed partial class FeatureFolderTests
{
    /// <summary>The Web folders that are not features, each with its reason: the explicit list of exceptions.</summary>
    private static readonly Dictionary<string, string> WebExceptions = new()
    {
        ["Pages"] = "the Razor Pages root; its sub-folders are the features",
        ["Pages/Shared"] = "the layout, form helpers, table downloads and boundaries every feature uses",
        ["Security"] = "HTTP security headers of the whole host (ADR 0019), no Core counterpart",
        ["Data"] = "the boundary files served from disk (Data/Boundaries/SOURCE.md)",
        ["wwwroot"] = "static files",
        ["Properties"] = "launch settings",
    };

    private static string Src => Path.Combine(ArchitectureTests.RepositoryRoot(), "src");

    private static IEnumerable<string> Folders(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateDirectories(path).Select(Path.GetFileName).OfType<string>().Where(n => n is not ("bin" or "obj"))
            : [];

    private static IEnumerable<string> SourceFiles(string root, params string[] patterns) =>
        patterns.SelectMany(p => Directory.EnumerateFiles(root, p, SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    [Fact]
    public void every_web_feature_folder_has_the_name_of_a_core_feature()
    {
        var core = Folders(Path.Combine(Src, "Core")).ToHashSet(StringComparer.Ordinal);
        var web = Path.Combine(Src, "Web");
        var folders = Folders(web).Concat(Folders(Path.Combine(web, "Pages")).Select(f => "Pages/" + f));
        var strays = folders
            .Where(f => !WebExceptions.ContainsKey(f))
            .Where(f => !core.Contains(f.StartsWith("Pages/", StringComparison.Ordinal) ? f["Pages/".Length..] : f));
        strays.ShouldBeEmpty("a Web folder is a Core feature (Pages/<Feature>/ or <Feature>/) or a listed exception");
    }

    [Fact]
    public void machine_endpoints_and_job_hosts_live_with_their_feature_not_by_kind()
    {
        string[] byKind = ["Api", "Projection", "Register", "Endpoints"];
        Folders(Path.Combine(Src, "Web")).Intersect(byKind).ShouldBeEmpty("src/Web/Api, Web/Projection and Web/Register moved into Pages/<Feature>/ (issue 18)");
    }

    [Fact]
    public void errors_are_constructed_only_in_a_features_errors_cs()
    {
        var offenders = SourceFiles(Src, "*.cs")
            .Where(f => Path.GetFileName(f) != "Errors.cs")
            .Where(f => NewError().IsMatch(File.ReadAllText(f)))
            .Select(f => Relative(Src, f));
        offenders.ShouldBeEmpty("refusals are one-line records in the feature's Errors.cs (STYLE.md habit 5)");
    }

    [Fact]
    public void the_hosts_do_not_run_projections_themselves()
    {
        // Resolving the scenario, running it, comparing two and projecting a group are Core's ProjectionRun and GroupProjection.
        string[] steps = ["Projections.Run(", "Projections.RunGroupAsync(", "Projections.WithHorizon(", "Projections.CheckBaseYear(", "ProjectionTables.Compare("];
        var offenders = new[] { "Web", "Cli" }
            .SelectMany(host => SourceFiles(Path.Combine(Src, host), "*.cs"))
            .Where(f => steps.Any(File.ReadAllText(f).Contains))
            .Select(f => Relative(Src, f));
        offenders.ShouldBeEmpty("hosts only translate (STYLE.md habit 12)");
    }

    [Fact]
    public void no_source_file_is_longer_than_400_lines_outside_migrations()
    {
        var root = ArchitectureTests.RepositoryRoot();
        var offenders = new[] { "src", "tests", "bench" }
            .SelectMany(d => SourceFiles(Path.Combine(root, d), "*.cs", "*.cshtml"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Relative(root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > 400)
            .Select(f => $"{f.File} ({f.Lines})");
        offenders.ShouldBeEmpty("split by responsibility above ~400 lines (STYLE.md habit 13)");
    }

    /// <summary>docs/decisions/0023.</summary>
    [Fact]
    public void core_references_neither_web_nor_cli()
    {
        typeof(Core.Database.AppDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name)
            .ShouldNotContain(n => n == "InfraLedger.Web" || n == "InfraLedger.Cli" || n == "infraledger");
    }

    /// <summary>docs/decisions/0023.</summary>
    [Fact]
    public void web_does_not_reference_the_cli()
    {
        typeof(WebApp).Assembly.GetReferencedAssemblies().Select(a => a.Name)
            .ShouldNotContain(n => n == "InfraLedger.Cli" || n == "infraledger");
    }

    /// <summary>docs/decisions/0023: `infraledger serve` starts the web application; no other command uses Web.</summary>
    [Fact]
    public void the_cli_uses_the_web_project_only_to_serve_it()
    {
        var cli = Path.Combine(Src, "Cli");
        var users = SourceFiles(cli, "*.cs")
            .Where(f => WebUse().IsMatch(File.ReadAllText(f)))
            .Select(f => Relative(cli, f));
        users.ShouldBe(["ServeCommand.cs"]);
    }

    [GeneratedRegex(@"\bnew\s+(?:[A-Za-z_][\w]*\.)*Error\s*\(")]
    private static partial Regex NewError();

    [GeneratedRegex(@"\bInfraLedger\.Web\b|(?<![\w.])Web\.[A-Z]")]
    private static partial Regex WebUse();
}
