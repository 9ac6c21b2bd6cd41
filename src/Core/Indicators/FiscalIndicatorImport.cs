using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tables;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Indicators;

/// <summary>
/// Loads the 総務省「主要財政指標一覧」 in long format (one row per body and fiscal year, one column per indicator)
/// into the indicator store, replacing what the same source loaded before, all or nothing. Every problem is
/// reported with its row and column before anything is written; a file already loaded changes nothing.
/// Values are kept as published: a blank (or －, not applicable) is stored as no value, never as zero.
/// </summary>
public static class FiscalIndicatorImport
{
    public const string SourceId = "soumu-shuyo-zaisei-shihyo";
    public const string EmbeddedFile = "soumu_municipal_fiscal_indicators_H23-R3.csv";

    public sealed record Report(int Rows, int Values, bool AlreadyCurrent, long ProblemCount, IReadOnlyList<ImportProblem> Problems)
    {
        public bool HasProblems => ProblemCount > 0;
    }

    private static readonly string[] YearHeaders = ["fiscal_year", "年度"];
    private static readonly string[] CodeHeaders = ["lgcode", "団体コード"];
    private static readonly string[] PrefectureHeaders = ["prefecture", "都道府県名", "都道府県"];
    private static readonly string[] NameHeaders = ["municipality", "団体名", "市町村名"];

    /// <summary>The file shipped with the application (demo seed), see <c>Indicators/Data/SOURCE.md</c>.</summary>
    public static async Task<Report> ImportEmbeddedAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("indicators/" + EmbeddedFile)
            ?? throw new InvalidOperationException($"埋め込みリソースがありません: {EmbeddedFile}");
        var result = await ImportAsync(db, stream, EmbeddedFile, nowUtc, ct);
        return result.IsSuccess && !result.Value.HasProblems ? result.Value : throw new InvalidDataException($"同梱の主要財政指標を読めません: {result.Error?.Message ?? result.Value.Problems[0].ToString()}");
    }

    public static async Task<Result<Report>> ImportAsync(AppDbContext db, Stream file, string fileName, DateTime nowUtc, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        var loaded = await db.StatisticsSources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SourceId, ct);
        if (loaded?.Sha256 == sha)
        {
            return new Report(loaded.RowCount, 0, AlreadyCurrent: true, 0, []);
        }

        buffer.Position = 0;
        var read = TableReader.Read(buffer, fileName, ReadLimits.Default);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var table = read.Value.FirstOrDefault();
        if (table is null)
        {
            return Tables.Errors.NoTable(fileName, null);
        }

        var parsed = Parse(table);
        if (parsed.Problems.Count > 0)
        {
            return new Report(parsed.Rows, 0, false, parsed.ProblemCount, parsed.Problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.PublicIndicatorValues.Where(v => v.SourceId == SourceId).ExecuteDeleteAsync(ct);
        var source = await db.StatisticsSources.SingleOrDefaultAsync(s => s.Id == SourceId, ct);
        if (source is null)
        {
            source = Describe();
            db.StatisticsSources.Add(source);
        }

        source.Sha256 = sha;
        source.RowCount = parsed.Rows;
        source.LoadedAtUtc = nowUtc;
        await db.SaveChangesAsync(ct);
        await BulkInsert.InsertAsync(db, parsed.Values, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new Report(parsed.Rows, parsed.Values.Count, false, 0, []);
    }

    /// <summary>The source as it is credited wherever its figures appear.</summary>
    public static StatisticsSource Describe() => new()
    {
        Id = SourceId,
        Title = "主要財政指標一覧（全市町村）",
        Publisher = "総務省",
        Licence = "CC BY 4.0（総務省ウェブサイト利用規約・政府標準利用規約 第2.0版 互換）",
        Attribution = "出典：総務省『主要財政指標一覧』",
        Url = "https://www.soumu.go.jp/iken/shihyo_ichiran.html",
        Note = "passaglia/japandata-sources の年度別シートを縦持ちにした派生ファイル（数値は表記のまま、－は空欄）。",
        Sha256 = "",
    };

    private sealed record Parsed(int Rows, List<PublicIndicatorValue> Values, List<ImportProblem> Problems, long ProblemCount);

    private static Parsed Parse(RawTable table)
    {
        var problems = new List<ImportProblem>();
        long problemCount = 0;
        void Problem(int row, string? column, string? value, Error error)
        {
            problemCount++;
            if (problems.Count < 1000)
            {
                problems.Add(new ImportProblem(new CellRef(table.File, table.Sheet, row, column), value, error.Message));
            }
        }

        int Column(string[] names, string label)
        {
            var i = table.Headers.ToList().FindIndex(h => names.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase));
            if (i < 0)
            {
                Problem(table.HeaderRow, null, null, Errors.MissingColumn(label, string.Join("・", names)));
            }

            return i;
        }

        var (year, code, prefecture, name) = (Column(YearHeaders, "年度"), Column(CodeHeaders, "団体コード"), Column(PrefectureHeaders, "都道府県名"), Column(NameHeaders, "団体名"));
        var indicators = IndicatorDefinition.Fiscal
            .Select(d => (Definition: d, Index: table.Headers.ToList().FindIndex(h => h.Trim() == d.Label)))
            .Where(x => x.Index >= 0).ToList();
        if (indicators.Count == 0)
        {
            Problem(table.HeaderRow, null, null, Errors.NoIndicatorColumns(string.Join("・", IndicatorDefinition.Fiscal.Select(d => d.Label))));
        }

        var values = new List<PublicIndicatorValue>();
        var seen = new Dictionary<(string, int), int>();
        var rows = 0;
        if (problemCount > 0)
        {
            return new Parsed(0, values, problems, problemCount);
        }

        foreach (var row in table.Rows)
        {
            rows++;
            string Cell(int i) => (i < row.Cells.Count ? row.Cells[i] : null)?.Trim() ?? "";
            var yearText = Cell(year);
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var fy) || fy is < FiscalYear.Min or > FiscalYear.Max)
            {
                Problem(row.SourceRow, table.Headers[year], yearText, Errors.FiscalYearInvalid(yearText));
                continue;
            }

            var parsedCode = LocalGovernmentCode.Parse(Cell(code));
            if (!parsedCode.IsSuccess)
            {
                Problem(row.SourceRow, table.Headers[code], Cell(code), parsedCode.Error!);
                continue;
            }

            var key = (parsedCode.Value.Value, fy);
            if (!seen.TryAdd(key, row.SourceRow))
            {
                Problem(row.SourceRow, table.Headers[code], Cell(code), Errors.DuplicateRow(key.Value, fy, seen[key]));
                continue;
            }

            foreach (var (definition, index) in indicators)
            {
                var text = Cell(index);
                if (text is "-" or "－" or "―" or "‐")
                {
                    text = "";
                }

                if (text.Length > 0 && !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                {
                    Problem(row.SourceRow, table.Headers[index], text, Errors.NotANumber(definition.Label, text));
                    continue;
                }

                values.Add(new PublicIndicatorValue
                {
                    Code = key.Value,
                    FiscalYear = fy,
                    Indicator = definition.Id,
                    Text = text.Length == 0 ? null : text,
                    PrefectureName = Cell(prefecture),
                    BodyName = Cell(name),
                    SourceId = SourceId,
                });
            }
        }

        return new Parsed(rows, values, problems, problemCount);
    }
}
