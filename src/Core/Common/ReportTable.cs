using System.Globalization;
using InfraLedger.Core.Register.Export;

namespace InfraLedger.Core.Common;

/// <summary>A cell of a report table: text, or a number kept as a number in CSV/XLSX.</summary>
public sealed record ReportCell(string? Text, decimal? Number = null, int? Decimals = null)
{
    public string Display => Number is { } n
        ? n.ToString(Decimals is { } d ? "N" + d.ToString(CultureInfo.InvariantCulture) : n == decimal.Truncate(n) ? "N0" : "#,0.###", CultureInfo.InvariantCulture)
        : Text ?? "－";
}

/// <summary>A named table of a report: what a page shows under a chart, and what its CSV/XLSX download holds.</summary>
public sealed record ReportTable(string Name, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ReportCell>> Rows, string? Note = null)
{
    public IReadOnlyList<ExportColumn<IReadOnlyList<ReportCell>>> Columns =>
        [.. Headers.Select((h, i) => Rows.Any(r => r[i].Number is not null)
            ? new ExportColumn<IReadOnlyList<ReportCell>>(h, Number: r => r[i].Number)
            : new ExportColumn<IReadOnlyList<ReportCell>>(h, r => r[i].Text))];
}
