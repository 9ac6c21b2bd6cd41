using System.Globalization;

namespace InfraLedger.Core.Tables;

/// <summary>
/// Excel cell values as the text a CSV export would hold, so both formats go through the same parsing: dates
/// as ISO yyyy-MM-dd (ExcelDataReader gives DateTime for date-formatted cells), numbers as invariant text
/// without exponent or binary noise (32500, not 3.25E+04; 0.3, not 0.30000000000000004).
/// </summary>
internal static class ExcelCellText
{
    private static readonly DateTime FirstDate = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static string? Format(object? value) => value switch
    {
        null or DBNull => null,
        string text => text.Length == 0 ? null : text,
        double number => FormatNumber(number),
        DateTime date when date < FirstDate => date.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// Excel shows 15 significant digits, and arithmetic leaves binary noise past them (=1000*1.1 is stored as
    /// 1100.0000000000002). When the 15-digit form is short (at most 12 digits) the rest is that noise and the
    /// shown value is taken; otherwise the stored value is kept exactly, so that coordinates written by programs
    /// (34.86524360019246) survive an export and re-import.
    /// </summary>
    private static string FormatNumber(double number)
    {
        var exact = number.ToString("R", CultureInfo.InvariantCulture);
        if (!double.IsFinite(number) || Math.Abs(number) >= 7.9e27)
        {
            return exact;
        }

        var shown = ((decimal)number).ToString(CultureInfo.InvariantCulture);
        return SignificantDigits(shown) <= 12
            ? shown
            : decimal.Parse(exact, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

    private static int SignificantDigits(string number) =>
        number.Where(char.IsAsciiDigit).SkipWhile(c => c == '0').Reverse().SkipWhile(c => c == '0').Count();
}
