using System.Text.RegularExpressions;

namespace InfraLedger.Web.Tests.Architecture;

/// <summary>
/// Issue 16, item 7 (header matching was written six times with five rules): every importer reads its file through the
/// one table-reading feature (Core/Tables: <c>TableFile</c>, its vocabularies and <c>HeaderMatcher</c>), and no code
/// outside it compares header texts.
/// </summary>
public sealed partial class TablesArchitectureTests
{
    private static readonly string Source = Path.Combine(Root(), "src");

    private static IEnumerable<(string File, string Text)> SourceFiles() =>
        Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(Source, f).Replace('\\', '/'), File.ReadAllText(f)));

    [Fact]
    public void only_the_tables_feature_reads_table_files()
    {
        SourceFiles().Where(f => !f.File.StartsWith("Core/Tables/", StringComparison.Ordinal) && f.Text.Contains("TableReader.Read(", StringComparison.Ordinal))
            .Select(f => f.File).ShouldBeEmpty();
    }

    [Fact]
    public void every_importer_reads_its_file_through_table_file()
    {
        var importers = SourceFiles().Where(f => f.File.StartsWith("Core/", StringComparison.Ordinal) && Importer().IsMatch(f.Text)).ToList();

        importers.Select(f => f.File).ShouldBe(
            ["Core/Indicators/FiscalIndicatorImport.cs", "Core/Indicators/Populations.cs", "Core/Indicators/SimilarGroups.cs",
             "Core/Inspections/InspectionRecords.Import.cs", "Core/Planning/Consequences.Import.cs", "Core/Projection/RecentInvestments.cs", "Core/Register/Import/RegisterImport.cs"], ignoreOrder: true);
        importers.Where(f => !f.Text.Contains("TableFile.", StringComparison.Ordinal)).Select(f => f.File).ShouldBeEmpty();
    }

    [Fact]
    public void no_code_outside_the_tables_feature_matches_header_texts()
    {
        var offenders = SourceFiles().Where(f => !f.File.StartsWith("Core/Tables/", StringComparison.Ordinal))
            .SelectMany(f => f.Text.Split('\n').Select((line, i) => (f.File, Line: i + 1, Text: line)))
            .Where(l => HeaderComparison().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}");
        offenders.ShouldBeEmpty();
    }

    /// <summary>A public entry point that takes the uploaded file: (AppDbContext db, Stream file, …).</summary>
    [GeneratedRegex(@"public static async Task<[^{;]*?\(\s*AppDbContext db, Stream file")]
    private static partial Regex Importer();

    /// <summary>Table headers (not HTTP ones) searched or compared: .Headers…FindIndex/IndexOf/Contains/StartsWith/EndsWith, or a header == text.</summary>
    [GeneratedRegex(@"(?<!Request\.|Response\.)Headers\b[^;\n]*\.(FindIndex|IndexOf|Contains|StartsWith|EndsWith)\(|(?<!Request\.|Response\.)Headers\[[^\]]+\]\s*(==|!=)|(?<!Request\.|Response\.)Headers\b[^;\n]*\.Trim\(\)\s*(==|is\b)", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderComparison();

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
