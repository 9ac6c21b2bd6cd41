using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InfraLedger.Core.Common;
using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Maintenance;

/// <summary>
/// A treatment library as an XLSX workbook for people who keep such tables in Excel: sheets 設定 (one row), 工法 (one
/// treatment a row) and 方針 (one policy a row). Lists are written "2,3"; 口径別単価 "〜150:97000; 151〜200:100000; 2000〜:923000";
/// a policy's choices "3:断面修復; 4:床版取替". Reading reports the sheet, row and column of the first problem.
/// </summary>
public static class LibraryWorkbook
{
    private static readonly string[] SheetNames = ["設定", "工法", "方針"];

    // The headers each sheet is written with and read by: the labels of its vocabulary (Tables/Data/vocabularies.json).
    private static readonly string[] SettingHeaders = Headers("maintenance-settings");

    private static readonly string[] TreatmentHeaders = Headers("maintenance-treatments");

    private static readonly string[] PolicyHeaders = Headers("maintenance-policies");

    public static byte[] Write(TreatmentLibrary library)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var risk = library.Risk;
            AddSheet(workbook, sheets, 1, "設定",
            [
                SettingHeaders,
                [
                    library.Name, library.Source, N(library.Levels), string.Join(",", library.RequiredStates ?? []),
                    risk is null ? "" : TreatmentLibrary.Label(risk.Unit), risk is null ? "" : string.Join(",", risk.PerYear.Select(M)),
                ],
            ]);
            AddSheet(workbook, sheets, 2, "工法", [TreatmentHeaders, .. library.Treatments.Select(t => new[]
            {
                t.Name, TreatmentLibrary.Label(t.Category), string.Join(",", t.States), string.Join(",", t.Ages ?? []),
                TreatmentLibrary.Label(t.Cost.Unit), M(t.Cost.Price), Bands(t.Cost.Bands), t.Effect.To is { } to ? N(to) : "",
                t.Effect.Better is { } b ? N(b) : "", t.Effect.ResetsAge ? "はい" : "いいえ", t.Source ?? "", t.Unverified ? "はい" : "いいえ",
            })]);
            AddSheet(workbook, sheets, 3, "方針", [PolicyHeaders, .. library.Policies.Select(p => new[]
            {
                p.Name, TreatmentLibrary.Label(p.Type), p.Threshold is { } th ? N(th) : "",
                string.Join("; ", (p.Choices ?? []).Select(c => $"{N(c.State)}:{c.Treatment}")), p.BacklogYears is { } y ? N(y) : "",
            })]);
            workbook.Workbook.Save();
        }

        return buffer.ToArray();
    }

    public static Result<TreatmentLibrary> Read(Stream stream, string fileName)
    {
        var tables = TableFile.ReadAll(stream, fileName);
        if (!tables.IsSuccess)
        {
            return tables.Error!;
        }

        try
        {
            var bySheet = tables.Value.Where(t => t.Sheet is not null).ToDictionary(t => t.Sheet!, StringComparer.Ordinal);
            foreach (var sheet in SheetNames.Where(s => !bySheet.ContainsKey(s)))
            {
                return Errors.FileInvalid(fileName, $"シート「{sheet}」がありません（設定・工法・方針の3シートが必要です）。");
            }

            var reader = new SheetReader(fileName);
            var settings = Rows(bySheet["設定"], "maintenance-settings").ToList();
            if (settings.Count != 1)
            {
                return Errors.FileInvalid(fileName, "シート「設定」には見出しの下に1行だけ書いてください。");
            }

            var (row, cell) = settings[0];
            var levels = reader.Int(cell("区分の数"), "設定", row, "区分の数") ?? 0;
            var risk = cell("リスク費用の単位").Length == 0 ? null
                : new RiskRule(reader.Unit(cell("リスク費用の単位"), "設定", row, "リスク費用の単位"), reader.Decimals(cell("リスク費用（年あたり、区分ごと）"), "設定", row, "リスク費用（年あたり、区分ごと）"));
            var treatments = Rows(bySheet["工法"], "maintenance-treatments").Select(r => reader.Treatment(r)).ToList();
            var policies = Rows(bySheet["方針"], "maintenance-policies").Select(r => reader.Policy(r)).ToList();
            return new TreatmentLibrary(cell("名前"), cell("出典"), levels, treatments, policies,
                reader.Ints(cell("対策が必要な区分"), "設定", row, "対策が必要な区分") is { Count: > 0 } required ? required : null, risk);
        }
        catch (ImportReadException e)
        {
            return Errors.FileUnreadable(e.Problem.ToString());
        }
    }

    /// <summary>The sheet's rows keyed by its headers (the sheet's vocabulary in Tables/Data/vocabularies.json); a missing header is a located refusal.</summary>
    private static IEnumerable<(int Row, Func<string, string> Cell)> Rows(RawTable table, string vocabulary)
    {
        var matched = TableFile.Match(table, Vocabularies.Get(vocabulary));
        if (matched.MissingColumns() is [var missing, ..])
        {
            throw new ImportReadException(missing);
        }

        var headers = matched.Vocabulary.Fields.Select(f => f.Name).ToList();
        foreach (var row in table.Rows)
        {
            string Cell(string h) => (matched.Cell(row, h) ?? "").Trim();
            if (headers.Any(h => Cell(h).Length > 0))
            {
                yield return (row.SourceRow, Cell);
            }
        }
    }

    private static string[] Headers(string vocabulary) => [.. Vocabularies.Get(vocabulary).Fields.Select(f => f.Label)];

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IEnumerable<string[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var r in rows)
        {
            data.AppendChild(new Row(r.Select(v => new Cell(new InlineString(new Text(v) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString })));
        }

        part.Worksheet = new Worksheet(data);
        sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    public static string Bands(IReadOnlyList<CostBand>? bands) =>
        string.Join("; ", (bands ?? []).Select(b => $"{(b.From is { } f ? N(f) : "")}〜{(b.UpTo is { } u ? N(u) : "")}:{M(b.Price)}"));

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string M(decimal v) => v.ToString(CultureInfo.InvariantCulture);
}
