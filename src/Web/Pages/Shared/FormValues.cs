using System.Globalization;
using System.Text;
using InfraLedger.Core.Common;
using InfraLedger.Core.Tables;

namespace InfraLedger.Web.Pages.Shared;

/// <summary>
/// Reads the text of a form field into a value, collecting a located Japanese error when it is not one.
/// Full-width digits and thousands separators are accepted: people type them (１２，３４５).
/// </summary>
public sealed class FormValues
{
    public List<Error> Errors { get; } = [];

    public static string? Text(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public decimal? Number(string? text, string field, string label) =>
        Parse<decimal>(text, field, label, "数値", s => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null);

    public double? Coordinate(string? text, string field, string label) =>
        Parse(text, field, label, "数値", s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null);

    public int? WholeNumber(string? text, string field, string label) =>
        Parse(text, field, label, "整数", s => int.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var v) ? v : (int?)null);

    /// <summary>A full date in 西暦 (2024-04-01) or in any form the register import reads (昭和55年4月1日, S55.4.1, R2/4/1).</summary>
    public DateOnly? Date(string? text, string field, string label)
    {
        var value = Text(text);
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Normalize(NormalizationForm.FormKC), ["yyyy-MM-dd", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        var parsed = CellText.ParseDate(value);
        if (parsed is { IsSuccess: true, Value: { Month: not null, Day: not null } full })
        {
            return full.ToDateOnly();
        }

        Errors.Add(parsed.IsSuccess ? WebErrors.NotADate(label, value, field) : WebErrors.NotADate(label, value, parsed.Error!.Message, field));
        return null;
    }

    /// <summary>A year in 西暦 or 和暦 (1980, 昭和55, S55, 令和2年, R2), read by the register import's rule.</summary>
    public int? Year(string? text, string field, string label)
    {
        var value = Text(text);
        if (value is null)
        {
            return null;
        }

        var parsed = CellText.ParseYear(value.Replace(",", "", StringComparison.Ordinal));
        if (parsed.IsSuccess)
        {
            return parsed.Value;
        }

        Errors.Add(WebErrors.NotAYear(label, value, parsed.Error!.Message, field));
        return null;
    }

    public TEnum? Choice<TEnum>(string? text, string field, string label)
        where TEnum : struct, Enum
    {
        var value = Text(text);
        if (value is null)
        {
            return null;
        }

        if (System.Enum.TryParse<TEnum>(value, out var parsed) && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }

        Errors.Add(WebErrors.NotAnOption(label, value, field));
        return null;
    }

    /// <summary>True when the field already has an error (so that validation does not add a second one).</summary>
    public bool Failed(string field) => Errors.Any(e => e.Field == field);

    private T? Parse<T>(string? text, string field, string label, string kind, Func<string, T?> parse)
        where T : struct
    {
        var value = Text(text);
        if (value is null)
        {
            return null;
        }

        if (parse(value.Normalize(NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal)) is { } parsed)
        {
            return parsed;
        }

        Errors.Add(WebErrors.NotANumber(label, value, kind, field));
        return null;
    }
}
