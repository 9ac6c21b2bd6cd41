using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Reports;

/// <summary>
/// Turns a <see cref="Submission"/> into a report or the reasons it cannot be one (open311.md §7: one full
/// location, required attributes, description up to 4,000 characters; spam refused with a reason).
/// </summary>
internal static class SubmissionCheck
{
    private const int MaxLinks = 2;
    private const int MaxRepeat = 20;

    /// <summary>The first refusal only (Open311 clients read one error), or the report.</summary>
    public static Result<ResidentReport> Check(string tenantId, ReportService service, Submission input, DateTime nowUtc)
    {
        var (report, errors) = CheckAll(tenantId, service, input, nowUtc);
        return errors.Count > 0 ? errors[0] : report!;
    }

    /// <summary>Every refusal at once (the residents' form shows them all), or the report when there is none.</summary>
    public static (ResidentReport? Report, List<Error> Errors) CheckAll(string tenantId, ReportService service, Submission input, DateTime nowUtc)
    {
        var errors = new List<Error>();
        var location = Location(input);
        if (!location.IsSuccess)
        {
            errors.Add(location.Error!);
        }

        var description = Blank(input.Description)?.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (description?.Length > ResidentReports.MaxDescription)
        {
            errors.Add(Errors.TooLong("description", "説明", ResidentReports.MaxDescription));
        }
        else if (description is not null && SpamReason(description) is { } reason)
        {
            errors.Add(Errors.Spam(reason));
        }

        var attributes = Attributes(service, input.Attributes, errors);

        foreach (var url in input.MediaUrls.Where(u => !string.IsNullOrWhiteSpace(u)))
        {
            if (url.Length > 2000 || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add(Errors.MediaUrl(url));
                break;
            }
        }

        var contact = input.Contact;
        if (Blank(contact.Email) is { } email && (email.Length > 254 || !MailAddress.TryCreate(email, out _)))
        {
            errors.Add(Errors.Email(email));
        }

        foreach (var (field, label, value, max) in new[]
                 {
                     ("address_string", "住所・目印", input.Address, 300), ("address_id", "address_id", input.AddressId, 100),
                     ("zipcode", "郵便番号", input.Zipcode, 10), ("phone", "電話番号", contact.Phone, 30),
                     ("first_name", "名", contact.FirstName, 100), ("last_name", "姓", contact.LastName, 100),
                     ("device_id", "device_id", contact.DeviceId, 100), ("account_id", "account_id", contact.AccountId, 100),
                 })
        {
            if ((value?.Trim().Length ?? 0) > max)
            {
                errors.Add(Errors.TooLong(field, label, max));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var media = input.MediaUrls.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).ToList();
        return (new ResidentReport
        {
            TenantId = tenantId,
            Token = ResidentReports.NewToken(),
            ServiceCode = service.Code,
            Status = ReportStatus.Received,
            Description = description,
            Latitude = location.Value?.Latitude,
            Longitude = location.Value?.Longitude,
            Address = Blank(input.Address),
            AddressId = Blank(input.AddressId),
            Zipcode = Blank(input.Zipcode),
            AttributesJson = JsonSerializer.Serialize(attributes),
            MediaUrls = media.Count == 0 ? null : string.Join('\n', media),
            Email = Blank(contact.Email),
            Phone = Blank(contact.Phone),
            FirstName = Blank(contact.FirstName),
            LastName = Blank(contact.LastName),
            DeviceId = Blank(contact.DeviceId),
            AccountId = Blank(contact.AccountId),
            Channel = input.Channel,
            Section = service.Section,
            RequestedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            ExpectedAtUtc = service.ExpectedDays is { } days ? nowUtc.AddDays(days) : null,
            ReporterKey = ResidentReports.NewToken(),
            Language = input.Language,
        }, errors);
    }

    /// <summary>The submission's pin when it reads as one (null: none, or unreadable — that refusal is CheckAll's).</summary>
    public static (double Latitude, double Longitude)? Pin(Submission input) => Location(input) is { IsSuccess: true } pin ? pin.Value : null;

    private static Result<(double Latitude, double Longitude)?> Location(Submission input)
    {
        var (lat, lon) = (Blank(input.Latitude), Blank(input.Longitude));
        if ((lat is null) != (lon is null))
        {
            return Errors.LatLongPair;
        }

        if (lat is null || lon is null)
        {
            if (Blank(input.Address) is null && Blank(input.AddressId) is null)
            {
                return Errors.LocationRequired;
            }

            return Result<(double Latitude, double Longitude)?>.Ok(null);
        }

        if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || la is < -90 or > 90 || !double.IsFinite(la))
        {
            return Errors.Coordinate("lat", lat);
        }

        if (!double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || lo is < -180 or > 180 || !double.IsFinite(lo))
        {
            return Errors.Coordinate("long", lon);
        }

        return Result<(double Latitude, double Longitude)?>.Ok((la, lo));
    }

    /// <summary>Only the service's own questions are kept; answers are checked against their datatype and options (one refusal per question).</summary>
    private static SortedDictionary<string, List<string>> Attributes(ReportService service, IReadOnlyDictionary<string, IReadOnlyList<string>> given, List<Error> errors)
    {
        var answers = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var attribute in service.Attributes.Where(a => a.Variable))
        {
            var values = given.TryGetValue(attribute.Code, out var v)
                ? v.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).Distinct().ToList()
                : [];
            if (values.Count == 0)
            {
                if (attribute.Required)
                {
                    errors.Add(Errors.AttributeRequired(attribute));
                }

                continue;
            }

            if (attribute.Datatype != "multivaluelist" && values.Count > 1)
            {
                errors.Add(Errors.AttributeValue(attribute, string.Join(",", values)));
                continue;
            }

            var bad = values.Select(value => attribute.Datatype switch
            {
                "singlevaluelist" or "multivaluelist" => (attribute.Values ?? []).All(o => o.Key != value) ? Errors.AttributeValue(attribute, value) : null,
                "number" => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? null : Errors.AttributeNumber(attribute, value),
                "datetime" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : Errors.AttributeDate(attribute, value),
                "string" => value.Length > 200 ? Errors.TooLong($"attribute[{attribute.Code}]", attribute.Description, 200) : null,
                _ => value.Length > ResidentReports.MaxDescription ? Errors.TooLong($"attribute[{attribute.Code}]", attribute.Description, ResidentReports.MaxDescription) : null,
            }).FirstOrDefault(e => e is not null);
            if (bad is not null)
            {
                errors.Add(bad);
                continue;
            }

            answers[attribute.Code] = values;
        }

        return answers;
    }

    /// <summary>What makes a text spam here: link lists and long runs of one character (keyboard mashing).</summary>
    private static string? SpamReason(string text)
    {
        var links = CountOf(text, "http://") + CountOf(text, "https://");
        if (links > MaxLinks)
        {
            return $"URL が{links}個あります。URL は{MaxLinks}個までです";
        }

        var run = 1;
        for (var i = 1; i < text.Length; i++)
        {
            run = text[i] == text[i - 1] && !char.IsWhiteSpace(text[i]) ? run + 1 : 1;
            if (run >= MaxRepeat)
            {
                return $"同じ文字「{text[i]}」が{MaxRepeat}回以上続いています";
            }
        }

        return null;
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
