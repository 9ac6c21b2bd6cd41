using System.Globalization;
using InfraLedger.Core.Register.Export;

namespace InfraLedger.Core.Common;

/// <summary>A cell of a <see cref="Table"/>: text, or a number kept as a number in CSV/XLSX.</summary>
public sealed record TableCell(string? Text, decimal? Number = null, int? Decimals = null)
{
    public string Display => Number is { } n
        ? n.ToString(Decimals is { } d ? "N" + d.ToString(CultureInfo.InvariantCulture) : n == decimal.Truncate(n) ? "N0" : "#,0.###", CultureInfo.InvariantCulture)
        : Text ?? "－";
}

/// <summary>A named table of computed figures: what a page shows under a chart, what its CSV/XLSX download holds and what the CLI prints.</summary>
public sealed record Table(string Name, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<TableCell>> Rows, string? Note = null)
{
    public IReadOnlyList<ExportColumn<IReadOnlyList<TableCell>>> Columns =>
        [.. Headers.Select((h, i) => Rows.Any(r => r[i].Number is not null)
            ? new ExportColumn<IReadOnlyList<TableCell>>(h, Number: r => r[i].Number, Format: IsYear(h) ? "0" : Format(Rows.Select(r => r[i]).Where(c => c.Number is not null)))
            : new ExportColumn<IReadOnlyList<TableCell>>(h, r => r[i].Text))];

    /// <summary>A column of years (年度, 建築年) is shown without a thousands separator: 2021, not 2,021.</summary>
    private static bool IsYear(string header) => header.EndsWith('年') || header.EndsWith("年度", StringComparison.Ordinal);

    /// <summary>The spreadsheet format that shows a column as the page does (<see cref="TableCell.Display"/>): grouped, with its decimals.</summary>
    private static string Format(IEnumerable<TableCell> numbers)
    {
        var cells = numbers.ToList();
        var decimals = cells.Select(c => c.Decimals).FirstOrDefault(d => d is not null);
        return decimals is { } d ? (d == 0 ? "#,##0" : "#,##0." + new string('0', d))
            : cells.All(c => c.Number == decimal.Truncate(c.Number!.Value)) ? "#,##0" : "#,##0.0##";
    }
}
