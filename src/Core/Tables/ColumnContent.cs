using System.Text.RegularExpressions;

namespace InfraLedger.Core.Tables;

/// <summary>What the values of a column look like, from the first data rows: a column of phone numbers, URLs, e-mail
/// addresses or dates is never taken for a code or a name, whatever its header says.</summary>
public static partial class ColumnContent
{
    public enum Look
    {
        Text,
        Phone,
        Url,
        Email,
        Date,
    }

    /// <summary>The look most of the column's non-empty sample values share (at least half of them), or Text.</summary>
    public static (Look Look, string? Example) Of(IEnumerable<string?> values)
    {
        var seen = values.Where(v => !CellText.IsMissing(v)).Select(v => CellText.Normalize(v)).ToList();
        if (seen.Count == 0)
        {
            return (Look.Text, null);
        }

        var looks = seen.Select(v => (Look: Classify(v), Value: v)).Where(x => x.Look != Look.Text).GroupBy(x => x.Look)
            .OrderByDescending(g => g.Count()).FirstOrDefault();
        return looks is not null && looks.Count() * 2 >= seen.Count ? (looks.Key, looks.First().Value) : (Look.Text, null);
    }

    public static string Label(Look look) => look switch
    {
        Look.Phone => "電話番号",
        Look.Url => "URL",
        Look.Email => "メールアドレス",
        Look.Date => "日付",
        _ => "文字",
    };

    private static Look Classify(string value) =>
        Url().IsMatch(value) ? Look.Url
        : Email().IsMatch(value) ? Look.Email
        : LooksLikePhone(value) ? Look.Phone
        : LooksLikeDate(value) ? Look.Date
        : Look.Text;

    /// <summary>A full date written as one (2023/4/1, 令和5年4月1日, R5.4.1), not a bare number such as 45017 or 1961.</summary>
    private static bool LooksLikeDate(string value) =>
        value.AsSpan().IndexOfAny("/-.年") > 0 && CellText.ParseDate(value) is { IsSuccess: true, Value.Month: not null };

    /// <summary>
    /// A Japanese number has 10 digits (11 for mobiles) starting with 0 and a non-zero digit: 054-623-2554,
    /// (054)623-2554, 0546232554, +81-54-623-2554. A code such as 0012345 or 001-23 is not one.
    /// </summary>
    private static bool LooksLikePhone(string value)
    {
        var text = value.StartsWith("+81", StringComparison.Ordinal) ? "0" + value[3..].TrimStart(' ', '-') : value;
        var digits = text.Count(char.IsAsciiDigit);
        return digits is 10 or 11 && PhoneShape().IsMatch(text);
    }

    [GeneratedRegex(@"^\(?0[1-9]\d{0,3}\)?[\s\-‐ー]?\d{1,4}[\s\-‐ー]?\d{3,4}$")]
    private static partial Regex PhoneShape();

    [GeneratedRegex(@"^(https?://|ftp://|www\.)\S+$", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
