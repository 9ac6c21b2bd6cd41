using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Reports;

/// <summary>
/// The filters of Open311 GET requests (open311.md §8) and the extensions the product supports (§11.5), read into a
/// <see cref="ReportFilter"/>. An empty parameter is an absent one. <c>service_request_id</c> overrides every other
/// filter; without dates the last 90 days are listed; a date range may not exceed 90 days; at most 1,000 a page.
/// </summary>
public static class Open311Query
{
    public const int MaxDays = 90;
    public const int MaxRequests = 1000;
    public const double DefaultRadiusMetres = 1000;
    public const double MaxRadiusMetres = 50_000;

    /// <summary>The years a date parameter may name: anything else is a mistake, and 0001 or 9999 would overflow the 90-day arithmetic.</summary>
    public const int FirstYear = 1900, LastYear = 2100;

    /// <summary>Japan has no daylight saving time: every datetime the API writes carries +09:00.</summary>
    public static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    public sealed record Parsed(ReportFilter Filter, bool Extensions);

    public static Result<Parsed> Parse(Func<string, string?> parameter, bool includeHidden, DateTime nowUtc)
    {
        string? Get(string name) => string.IsNullOrWhiteSpace(parameter(name)) ? null : parameter(name)!.Trim();
        var extensions = string.Equals(Get("extensions"), "true", StringComparison.OrdinalIgnoreCase);

        if (Get("service_request_id") is { } idText)
        {
            var ids = new List<long>();
            var parts = idText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length > MaxRequests)
            {
                return Errors.Parameter("service_request_id", $"service_request_id は一度に{MaxRequests:N0}件までです。");
            }

            foreach (var part in parts)
            {
                if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    return Errors.Parameter("service_request_id", $"service_request_id「{Shorten(part)}」は受付番号（数字）ではありません。");
                }

                ids.Add(id);
            }

            return new Parsed(new ReportFilter { Ids = ids, IncludeHidden = includeHidden, Take = MaxRequests }, extensions);
        }

        var statuses = Statuses(Get("status"), Get("detailed_status"));
        if (!statuses.IsSuccess)
        {
            return statuses.Error!;
        }

        var dates = new Dictionary<string, DateTime?>();
        foreach (var name in new[] { "start_date", "end_date", "updated_after", "updated_before" })
        {
            var value = Get(name);
            if (value is null)
            {
                dates[name] = null;
                continue;
            }

            var readable = TryDate(value, out var utc);
            if (value.Length > 40 || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var written))
            {
                return Errors.Parameter(name, $"{name}「{Shorten(value)}」は W3C の日時（例: 2026-11-01T00:00:00+09:00）ではありません。");
            }

            // The year as written and as UTC: 2101-01-01 in Japan time is still 2100 in UTC, and neither may leave the range.
            if (!readable || written.Year is < FirstYear or > LastYear || utc.Year is < FirstYear or > LastYear)
            {
                return Errors.Parameter(name, $"{name}「{Shorten(value)}」は{FirstYear}年から{LastYear}年までの日時にしてください。");
            }

            dates[name] = utc;
        }

        var (start, end) = (dates["start_date"], dates["end_date"]);
        if (start is not null && end is not null)
        {
            if (end < start)
            {
                return Errors.Parameter("end_date", "end_date が start_date より前です。");
            }

            if (end - start > TimeSpan.FromDays(MaxDays))
            {
                return Errors.Parameter("end_date", $"start_date から end_date までは{MaxDays}日以内にしてください。");
            }
        }
        else if (start is not null)
        {
            end = start.Value.AddDays(MaxDays);
        }
        else if (end is not null)
        {
            start = end.Value.AddDays(-MaxDays);
        }
        else if (dates["updated_after"] is null && dates["updated_before"] is null)
        {
            // The specification's default: the last 90 days. A client syncing by updated_after gets every report updated since.
            start = nowUtc.AddDays(-MaxDays);
        }

        var near = Near(Get("lat"), Get("long"), Get("radius"));
        if (!near.IsSuccess)
        {
            return near.Error!;
        }

        if (!TryPositive(Get("page"), int.MaxValue / MaxRequests, 1, out var page))
        {
            return Errors.Parameter("page", $"page「{Shorten(Get("page")!)}」は1以上の整数にしてください。");
        }

        if (!TryPositive(Get("page_size"), MaxRequests, MaxRequests, out var size))
        {
            return Errors.Parameter("page_size", $"page_size「{Shorten(Get("page_size")!)}」は1〜{MaxRequests}の整数にしてください。");
        }

        var codes = Get("service_code")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (codes?.Length > MaxRequests)
        {
            return Errors.Parameter("service_code", $"service_code は一度に{MaxRequests:N0}件までです。");
        }
        return new Parsed(new ReportFilter
        {
            ServiceCodes = codes, Statuses = statuses.Value, RequestedFromUtc = start, RequestedToUtc = end,
            UpdatedFromUtc = dates["updated_after"], UpdatedToUtc = dates["updated_before"], Near = near.Value,
            Section = Get("agency_responsible"), IncludeHidden = includeHidden, Skip = (page - 1) * size, Take = size,
        }, extensions);
    }

    /// <summary>
    /// A W3C datetime; one without a time zone is read as Japan time, a bare date as its midnight. A time at the very ends of
    /// the calendar (0001-01-01 in Japan time is before the first UTC instant) is not a datetime either.
    /// </summary>
    public static bool TryDate(string value, out DateTime utc)
    {
        utc = default;
        if (value.Length > 40 || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        var hasZone = value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 10 && (value[^6] is '+' or '-'));
        var local = parsed.DateTime;
        if (!hasZone && (local < DateTime.MinValue + Jst))
        {
            return false;
        }

        utc = (hasZone ? parsed : new DateTimeOffset(local, Jst)).UtcDateTime;
        return true;
    }

    /// <summary>A parameter as quoted back in a message: at most 50 characters.</summary>
    private static string Shorten(string value) => value.Length <= 50 ? value : value[..50] + "…";

    /// <summary>The W3C form with the +09:00 offset (open311.md §3).</summary>
    public static string Format(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Jst).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static Result<IReadOnlyList<ReportStatus>?> Statuses(string? status, string? detailed)
    {
        IEnumerable<ReportStatus>? set = null;
        if (status is not null)
        {
            var wanted = status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).ToList();
            if (wanted.FirstOrDefault(s => s is not ("open" or "closed")) is { } bad)
            {
                return Errors.Parameter("status", $"status「{Shorten(bad)}」は open か closed です。");
            }

            set = ReportStatuses.All.Where(s => wanted.Contains(s.Open311()));
        }

        if (detailed is not null)
        {
            var wanted = new List<ReportStatus>();
            foreach (var part in detailed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (ReportStatuses.FromDetailed(part) is not { } s)
                {
                    return Errors.Parameter("detailed_status", $"detailed_status「{Shorten(part)}」は {string.Join(", ", ReportStatuses.All.Select(x => x.Detailed()))} のいずれかです。");
                }

                wanted.Add(s);
            }

            set = set is null ? wanted : set.Intersect(wanted);
        }

        return Result<IReadOnlyList<ReportStatus>?>.Ok(set?.ToList());
    }

    private static Result<GeoCircle?> Near(string? lat, string? lon, string? radius)
    {
        if (lat is null && lon is null)
        {
            return radius is null ? Result<GeoCircle?>.Ok(null) : Errors.Parameter("radius", "radius を使うときは lat と long も指定してください。");
        }

        if (lat is null || lon is null)
        {
            return Errors.LatLongPairParameter;
        }

        if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || !double.IsFinite(la) || la is < -90 or > 90)
        {
            return Errors.CoordinateParameter("lat", lat);
        }

        if (!double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || !double.IsFinite(lo) || lo is < -180 or > 180)
        {
            return Errors.CoordinateParameter("long", lon);
        }

        var metres = DefaultRadiusMetres;
        if (radius is not null && (!double.TryParse(radius, NumberStyles.Float, CultureInfo.InvariantCulture, out metres) || !double.IsFinite(metres) || metres is <= 0 or > MaxRadiusMetres))
        {
            return Errors.Parameter("radius", $"radius「{Shorten(radius)}」は0より大きく{MaxRadiusMetres:0}以下（m）にしてください。");
        }

        return new GeoCircle(la, lo, metres);
    }

    private static bool TryPositive(string? text, int max, int fallback, out int value)
    {
        value = fallback;
        return text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max);
    }
}
