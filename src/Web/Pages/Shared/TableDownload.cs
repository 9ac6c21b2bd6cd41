using InfraLedger.Core.Common;
using InfraLedger.Core.Register.Export;

namespace InfraLedger.Web.Pages.Shared;

/// <summary>A table as a CSV or XLSX download: the same rows the page shows.</summary>
public static class TableDownload
{
    /// <summary>A download in the documented encoding of its kind (public downloads: <paramref name="bom"/> as they state).</summary>
    public static Task<IResult> WriteAsync(HttpContext http, Table table, string fileName, string? format, bool bom, CancellationToken ct) =>
        WriteAsync(http, table, fileName, format, bom ? CsvEncoding.Utf8Bom : CsvEncoding.Utf8, ct);

    public static async Task<IResult> WriteAsync(HttpContext http, Table table, string fileName, string? format, CsvEncoding encoding, CancellationToken ct)
    {
        switch (format)
        {
            case "xlsx":
                Attach(http, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx");
                await XlsxExport.WriteAsync(table.Rows.ToAsyncEnumerable(), table.Columns, table.Name, http.Response.Body, ct);
                return Results.Empty;
            case "csv" or null:
                Attach(http, $"text/csv; charset={CsvExport.Charset(encoding)}", fileName + ".csv");
                await CsvExport.WriteAsync(table.Rows.ToAsyncEnumerable(), table.Columns, http.Response.Body, encoding, ct);
                return Results.Empty;
            case "json":
                Attach(http, "application/json; charset=utf-8", fileName + ".json");
                await System.Text.Json.JsonSerializer.SerializeAsync(http.Response.Body, Json(table), JsonOptions, ct);
                return Results.Empty;
            default:
                return ErrorResponses.ToProblem(WebErrors.ExportFormat(format, "csv・json・xlsx"));
        }
    }

    /// <summary>
    /// The encoding of a staff CSV download: UTF-8 with a BOM unless asked otherwise (<c>encoding=shift_jis</c>, or
    /// <c>bom=false</c> for UTF-8 without it), so that Excel opens it as Japanese (issue 16, item 8).
    /// </summary>
    public static Result<CsvEncoding> StaffEncoding(string? encoding, bool? bom) =>
        encoding?.Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) switch
        {
            null or "" or "utf8" => bom == false ? CsvEncoding.Utf8 : CsvEncoding.Utf8Bom,
            "shiftjis" or "sjis" or "cp932" or "windows31j" => CsvEncoding.ShiftJis,
            _ => WebErrors.ExportEncoding(encoding),
        };

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The table as JSON: its title, note and columns, and one object per row keyed by column (numbers as numbers).</summary>
    private static Dictionary<string, object?> Json(Table table) => new()
    {
        ["title"] = table.Title,
        ["note"] = table.Note,
        ["columns"] = table.Headers,
        ["rows"] = table.Rows.Select(r => table.Headers.Select((h, i) => (h, Value: r[i].Number is { } n ? (object)n : r[i].Text))
            .ToDictionary(x => x.h, x => x.Value)).ToList(),
    };

    public static void Attach(HttpContext http, string contentType, string fileName)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
    }
}
