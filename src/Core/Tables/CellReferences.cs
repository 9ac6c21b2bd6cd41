namespace InfraLedger.Core.Tables;

/// <summary>A1-style cell references: column letters (A = 1 … XFD = 16,384) and a 1-based row.</summary>
internal static class CellReferences
{
    /// <summary>(column, row) of "XFD1"; nulls when the text is not a cell reference. Values past Excel's grid still parse.</summary>
    public static (long? Column, long? Row) Parse(string reference)
    {
        reference = reference.Replace("$", "", StringComparison.Ordinal);
        long column = 0;
        var i = 0;
        for (; i < reference.Length && i < 7 && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        var digits = reference.AsSpan(i);
        long? row = digits.Length is > 0 and <= 10 && long.TryParse(digits, out var r) ? r : null;
        return (i == 0 ? null : column, row);
    }

    /// <summary>The first and last row and column of "A1:XFD1048576" (or of a single cell, "B2").</summary>
    public static (long FirstRow, long FirstColumn, long LastRow, long LastColumn) Range(string range)
    {
        var parts = range.Split(':');
        var (firstColumn, firstRow) = Parse(parts[0]);
        var (lastColumn, lastRow) = parts.Length > 1 ? Parse(parts[^1]) : (firstColumn, firstRow);
        return (firstRow ?? 1, firstColumn ?? 1, lastRow ?? firstRow ?? 1, lastColumn ?? firstColumn ?? 1);
    }

    /// <summary>"XFD1048576" for (1048576, 16384).</summary>
    public static string Name(long row, long column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
