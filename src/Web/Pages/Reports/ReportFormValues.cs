using System.Globalization;
using System.Text.RegularExpressions;
using InfraLedger.Core.Reports;
using Microsoft.Extensions.Primitives;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>The resident form's fields as sent, as text (Core checks them); the questions' answers of every service.</summary>
public sealed partial record ReportFormValues(
    string? ServiceCode, string? Latitude, string? Longitude, string? Address, string? Description,
    string? FirstName, string? LastName, string? Email, string? Phone, IReadOnlyDictionary<string, StringValues> Questions)
{
    public static readonly ReportFormValues Empty = new(null, null, null, null, null, null, null, null, null, new Dictionary<string, StringValues>());

    public static ReportFormValues Read(IFormCollection form) => new(
        Text(form, "service_code"), Text(form, "lat"), Text(form, "long"), Text(form, "address_string"), Text(form, "description"),
        Text(form, "first_name"), Text(form, "last_name"), Text(form, "email"), Text(form, "phone"),
        form.Keys.Where(k => k.StartsWith("q-", StringComparison.Ordinal)).ToDictionary(k => k, k => form[k], StringComparer.Ordinal));

    /// <summary>A question's answers as sent (for the form to show them again).</summary>
    public StringValues Answer(string id) => Questions.TryGetValue(id, out var v) ? v : StringValues.Empty;

    /// <summary>The chosen service's answers, code → values, as Core reads them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AnswersFor(ReportService? service)
    {
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (service is null)
        {
            return answers;
        }

        foreach (var question in service.Attributes.Where(a => a.Variable))
        {
            var values = Answer(FormModel.QuestionId(service.Code, question.Code)).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
            answers[question.Code] = question.Datatype == "datetime" ? [.. values.Select(Jst)] : values;
        }

        return answers;
    }

    public static bool TryCoordinate(string? text, double min, double max, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value >= min && value <= max;

    /// <summary>A <c>datetime-local</c> value has no zone: the resident means Japan's time.</summary>
    private static string Jst(string value) => LocalDateTime().IsMatch(value) ? value + (value.Length == 16 ? ":00" : "") + "+09:00" : value;

    private static string? Text(IFormCollection form, string key) => form.TryGetValue(key, out var v) ? v.ToString() : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")]
    private static partial Regex LocalDateTime();
}
