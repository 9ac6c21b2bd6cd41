using System.Globalization;
using System.Text.RegularExpressions;
using InfraLedger.Core.Common;
using InfraLedger.Core.Tables;
using InfraLedger.Core.Tenancy;

namespace InfraLedger.Core.Indicators;

/// <summary>One body and fiscal year of a 主要財政指標 file: its names and the indicators' texts (null = not applicable).</summary>
internal sealed record FiscalPair(string SourceId, string Code, int Year, string PrefectureName, string BodyName, IReadOnlyDictionary<string, string?> Texts);

/// <summary>
/// Reads the rows of a 主要財政指標 table in either shape: the long file (one row per body and year, a 年度 column) or
/// the ministry's yearly workbook as published (the year in the title, 「全国市町村平均」 or 「都道府県平均」 at the end,
/// 「-」「－」 for not applicable, and for prefectures no 団体コード but the 都道府県名). Pure: the master is passed in.
/// </summary>
internal static partial class FiscalIndicatorRows
{
    public sealed record Parsed(List<FiscalPair> Pairs, long Rows, long Skipped, string? SkippedExample);

    /// <param name="table">The table matched against the fiscal-indicators vocabulary.</param>
    /// <param name="givenYear">The year given by the caller (<c>--year</c>) for a file that states none in a column.</param>
    /// <param name="bodies">The master: body code by (prefecture name, body name); a prefecture is keyed with its own name twice.</param>
    /// <param name="problems">Where every problem goes, located.</param>
    public static Parsed Read(MatchedTable table, int? givenYear, IReadOnlyDictionary<(string Prefecture, string Name), string> bodies, ProblemList problems)
    {
        var header = new CellRef(table.Table.File, table.Table.Sheet, table.Table.HeaderRow, null);
        var indicators = IndicatorDefinition.Fiscal.Where(d => table.Match.Column(d.Id) is not null).ToList();
        if (indicators.Count == 0)
        {
            problems.Add(header, null, Errors.NoIndicatorColumns(string.Join("・", IndicatorDefinition.Fiscal.Select(d => d.Label))));
        }

        if (table.Match.Column("Code") is null && table.Match.Column("Name") is null && table.Match.Column("Prefecture") is null)
        {
            problems.Add(header, null, Errors.NoBodyColumn);
        }

        var titleYear = TitleYear.Of(table.Table.Titles);
        int? fileYear = null;
        if (table.Match.Column("FiscalYear") is not null)
        {
            if (givenYear is not null)
            {
                problems.Add(header, null, Errors.YearGivenTwice(table.Header("FiscalYear")!));
            }
        }
        else if (givenYear is { } given && titleYear is { } title && given != title)
        {
            problems.Add(header, null, Errors.YearConflict(title, given));
        }
        else if ((givenYear ?? titleYear) is { } year)
        {
            fileYear = year;
        }
        else
        {
            problems.Add(header, null, Errors.YearUnknown);
        }

        var pairs = new List<FiscalPair>();
        if (problems.Count > 0)
        {
            return new Parsed(pairs, 0, 0, null);
        }

        var seen = new Dictionary<(string, int), int>();
        long rows = 0, skipped = 0;
        string? skippedExample = null;
        try
        {
            foreach (var row in table.Table.Rows)
            {
                rows++;
                string Cell(string field) => CellText.Normalize(table.Cell(row, field));
                var (codeText, name, prefecture) = (Cell("Code"), Cell("Name"), Cell("Prefecture"));
                if (new[] { codeText, name, prefecture }.FirstOrDefault(IsAggregate) is { } aggregate)
                {
                    skipped++;
                    skippedExample ??= aggregate;
                    continue;
                }

                var code = CodeOf(codeText, prefecture, name, bodies);
                var year = fileYear is { } y ? Result<int>.Ok(y) : YearOf(Cell("FiscalYear"));
                if (!code.IsSuccess || !year.IsSuccess)
                {
                    var field = !code.IsSuccess ? (table.Match.Column("Code") is not null ? "Code" : table.Match.Column("Name") is not null ? "Name" : "Prefecture") : "FiscalYear";
                    problems.Add(table.At(row, field), table.Cell(row, field), (code.Error ?? year.Error)!);
                    continue;
                }

                if (!seen.TryAdd((code.Value.Value, year.Value), row.SourceRow))
                {
                    problems.Add(table.At(row, table.Match.Column("Code") is not null ? "Code" : null), codeText, Errors.DuplicateRow(code.Value.Value, year.Value, seen[(code.Value.Value, year.Value)]));
                    continue;
                }

                var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var definition in indicators)
                {
                    var raw = table.Cell(row, definition.Id);
                    var parsed = CellText.ParseNumber(raw);
                    if (!parsed.IsSuccess)
                    {
                        problems.Add(table.At(row, definition.Id), raw?.Trim(), Errors.NotANumber(definition.Label, raw?.Trim() ?? ""));
                    }

                    texts[definition.Id] = parsed.IsSuccess ? parsed.Value?.ToString(CultureInfo.InvariantCulture) : null;
                }

                var isPrefecture = code.Value.IsPrefecture;
                pairs.Add(new FiscalPair(isPrefecture ? FiscalIndicatorImport.PrefectureSourceId : FiscalIndicatorImport.SourceId, code.Value.Value, year.Value,
                    prefecture.Length > 0 ? prefecture : "", name.Length > 0 ? name : prefecture, texts));
            }
        }
        catch (ImportReadException e)
        {
            problems.Add(e.Problem);
        }

        return new Parsed(pairs, rows, skipped, skippedExample);
    }

    /// <summary>The 団体コード of the row, or failing a code column, the body looked up by its names in the master.</summary>
    private static Result<LocalGovernmentCode> CodeOf(string code, string prefecture, string name, IReadOnlyDictionary<(string, string), string> bodies)
    {
        if (code.Length > 0)
        {
            return LocalGovernmentCode.Parse(code);
        }

        var key = name.Length > 0 ? (prefecture, name) : (prefecture, prefecture);
        return key.Item2.Length > 0 && bodies.TryGetValue(key, out var found) ? LocalGovernmentCode.Parse(found) : Errors.BodyNotFound($"{prefecture}{(name.Length > 0 ? " " + name : "")}");
    }

    private static Result<int> YearOf(string text)
    {
        var year = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y
            : CellText.ParseDate(text) is { IsSuccess: true, Value: { } date } ? date.Year : 0;
        return year is >= FiscalYear.Min and <= FiscalYear.Max ? year : Errors.FiscalYearInvalid(text);
    }

    /// <summary>A row of averages or totals (全国市町村平均, 都道府県平均, 合計): part of the publication, not a body.</summary>
    private static bool IsAggregate(string text) => text.Length > 0 && Aggregate().IsMatch(text);

    [GeneratedRegex(@"(平均|合計|総計|^計$)")]
    private static partial Regex Aggregate();
}
