using System.Globalization;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using static InfraLedger.Web.Pages.Reports.Open311.Open311Node;
using ReportErrors = InfraLedger.Core.Reports.Errors;
using ResidentReports = InfraLedger.Core.Reports.ResidentReports;

namespace InfraLedger.Web.Pages.Reports.Open311;

/// <summary>The Open311 operations (open311.md §4–8, §11): each reads its parameters and writes one document.</summary>
internal static class Open311Handlers
{
    public static async Task DiscoveryAsync(Open311Call call, CancellationToken ct)
    {
        var changed = await CrossTenant.LatestReportServiceChangeAsync(call.Db, ct) ?? DateTime.UnixEpoch;
        var changeset = Open311Query.Format(changed);
        var endpoint = Obj(
            ("specification", Open311Endpoints.Specification),
            ("url", BaseUrl(call) + Open311Endpoints.Prefix),
            ("changeset", changeset),
            ("type", "production"),
            ("formats", List("formats", "format", ["text/xml", "application/json"])));
        await call.SendAsync("discovery", Obj(
            ("changeset", changeset),
            ("contact", "各団体の担当課（通報の種類ごとの agency_responsible）。jurisdiction_id は6桁の全国地方公共団体コードです。"),
            ("key_service", "api_key は各団体の管理者が InfraLedger の「API トークン」画面で発行します（POST requests に必要）。"),
            ("endpoints", List("endpoints", "endpoint", [endpoint]))), ct);
    }

    public static async Task ServicesAsync(Open311Call call, CancellationToken ct)
    {
        var services = await Services.ListAsync(call.Db, includeInactive: false, ct);
        await call.SendAsync("services", List("services", "service", services.Select(s => (object?)Obj(
            ("service_code", s.Code),
            ("service_name", s.Name),
            ("description", s.Description),
            ("metadata", s.Attributes.Count > 0),
            ("type", s.Batch ? "batch" : "realtime"),
            ("keywords", s.Keywords),
            ("group", s.Group)))), ct);
    }

    public static async Task DefinitionAsync(Open311Call call, string code, CancellationToken ct)
    {
        var service = await Services.FindAsync(call.Db, code, ct);
        if (service is null || !service.IsActive)
        {
            await call.FailAsync(ReportErrors.ServiceNotFound(code), ct);
            return;
        }

        await call.SendAsync("service_definition", Obj(
            ("service_code", service.Code),
            ("attributes", List("attributes", "attribute", service.Attributes.Select(a => (object?)Obj(
                ("variable", a.Variable),
                ("code", a.Code),
                ("datatype", a.Datatype),
                ("required", a.Required),
                ("datatype_description", a.DatatypeDescription),
                ("order", a.Order),
                ("description", a.Description),
                ("values", a.IsList ? List("values", "value", (a.Values ?? []).Select(v => (object?)Obj(("key", v.Key), ("name", v.Name)))) : null)))))), ct);
    }

    public static async Task PostAsync(Open311Call call, CancellationToken ct)
    {
        if (call.Token is null)
        {
            await call.FailAsync(StatusCodes.Status403Forbidden, "api_key がありません。POST requests には団体の API トークンが必要です。", ct);
            return;
        }

        var form = call.Http.Request.HasFormContentType ? await call.Http.Request.ReadFormAsync(ct) : FormCollection.Empty;
        string? Field(string name) => form[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            if (Open311Endpoints.AttributeKey().Match(key) is { Success: true } m)
            {
                attributes[m.Groups[1].Value] = [.. (attributes.GetValueOrDefault(m.Groups[1].Value) ?? []), .. values.OfType<string>()];
            }
        }

        // Photos sent in a multipart body as "media" are an extension (open311.md §11.1); media_url may repeat (§12).
        var photos = new List<Submission.PhotoFile>();
        foreach (var file in form.Files.Where(f => f.Name == "media"))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            photos.Add(new Submission.PhotoFile(file.FileName, buffer.ToArray()));
        }

        var submission = new Submission(
            Field("service_code"), Field("lat"), Field("long"), Field("address_string"), Field("address_id"), Field("zipcode"),
            Field("description"), attributes, [.. form["media_url"].OfType<string>()],
            new Submission.Reporter(Field("email"), Field("phone"), Field("first_name"), Field("last_name"), Field("device_id"), Field("account_id")),
            "open311", photos);
        var saved = await ResidentReports.SubmitAsync(call.Db, submission, DateTime.UtcNow, ct);
        if (!saved.IsSuccess)
        {
            await call.FailAsync(saved.Error!, ct);
            return;
        }

        var report = saved.Value;
        var service = (await Services.FindAsync(call.Db, report.ServiceCode, ct))!;
        await call.SendAsync("service_requests", List("service_requests", "request", [Obj(
            ("service_request_id", service.Batch ? null : Id(report.Id)),
            ("token", service.Batch ? report.Token : null),
            ("service_notice", Notice(service)),
            ("account_id", report.AccountId))]), ct);
    }

    public static async Task TokenAsync(Open311Call call, string token, CancellationToken ct)
    {
        var report = await ResidentReports.FindByTokenAsync(call.Db, token, ct);
        if (report is null)
        {
            await call.FailAsync(StatusCodes.Status404NotFound, $"token「{token}」はありません。", ct);
            return;
        }

        await call.SendAsync("service_requests", List("service_requests", "request",
            [Obj(("service_request_id", Id(report.Id)), ("token", report.Token))]), ct);
    }

    public static async Task RequestsAsync(Open311Call call, string? id, CancellationToken ct)
    {
        var query = call.Http.Request.Query;
        var parsed = Open311Query.Parse(name => name == "service_request_id" && id is not null ? id : query[name].FirstOrDefault(),
            includeHidden: call.Token is not null, DateTime.UtcNow);
        if (!parsed.IsSuccess)
        {
            await call.FailAsync(parsed.Error!, ct);
            return;
        }

        var page = await ReportSearch.RunAsync(call.Db, parsed.Value.Filter, ct);
        if (id is not null && page.Reports.Count == 0)
        {
            await call.FailAsync(ReportErrors.ReportNotFound(id), ct);
            return;
        }

        if (call.Http.Request.Query.ContainsKey("page") || call.Http.Request.Query.ContainsKey("page_size"))
        {
            call.Http.Response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
        }

        var ids = page.Reports.Select(r => r.Id).ToList();
        var names = (await Services.ListAsync(call.Db, includeInactive: true, ct)).ToDictionary(s => s.Code);
        var photos = (await call.Db.ReportPhotos.AsNoTracking().Where(p => ids.Contains(p.ReportId) && !p.IsHidden)
            .Select(p => new { p.ReportId, p.Number, p.Width, p.Height }).ToListAsync(ct)).ToLookup(p => p.ReportId);
        var notes = parsed.Value.Extensions
            ? (await call.Db.ReportNotes.AsNoTracking().Where(n => ids.Contains(n.ReportId) && n.IsPublic).OrderBy(n => n.Number).ToListAsync(ct)).ToLookup(n => n.ReportId)
            : null;
        var baseUrl = BaseUrl(call);
        var forwardedTo = page.Reports.Select(r => r.ForwardedToTenantId).OfType<string>().Distinct().ToList();
        var bodies = await call.Db.LocalGovernments.AsNoTracking().Where(b => forwardedTo.Contains(b.Code)).ToDictionaryAsync(b => b.Code, b => b.Name, ct);
        await call.SendAsync("service_requests", List("service_requests", "request", page.Reports.Select(r =>
        {
            var service = names[r.ServiceCode];
            var urls = (r.MediaUrls?.Split('\n') ?? []).Concat(photos[r.Id].OrderBy(p => p.Number)
                .Select(p => PhotoUrl(baseUrl, r, p.Number))).ToList();
            var node = Obj(
                ("service_request_id", Id(r.Id)),
                ("status", r.Status.Open311()),
                ("status_notes", r.StatusNotes),
                ("service_name", service.Name),
                ("service_code", r.ServiceCode),
                ("description", r.Description),
                // After forwarding, the body that now handles it (ADR 0028), not the section that passed it on.
                ("agency_responsible", r.ForwardedToTenantId is { } to ? bodies[to] : r.Section),
                ("service_notice", Notice(service)),
                ("requested_datetime", Open311Query.Format(r.RequestedAtUtc)),
                ("updated_datetime", Open311Query.Format(r.UpdatedAtUtc)),
                ("expected_datetime", r.ExpectedAtUtc is { } e ? Open311Query.Format(e) : null),
                // Always present (ADR 0014): null when the report has only coordinates, as the project has no address data to look up.
                ("address", Always(r.Address)),
                ("address_id", r.AddressId),
                ("zipcode", r.Zipcode),
                ("lat", r.Latitude),
                ("long", r.Longitude),
                ("media_url", urls.FirstOrDefault()));
            if (notes is not null)
            {
                node.Add("detailed_status", r.Status.Detailed())
                    .Add("duplicate_of", r.DuplicateOfId is { } d ? Id(d) : null)
                    .Add("notes", List("notes", "note", notes[r.Id].Select(n => (object?)Obj(
                        ("datetime", Open311Query.Format(n.AtUtc)), ("type", NoteType(n.Type)), ("summary", n.Text ?? NoteSummary(n)), ("status", n.Status.Detailed())))))
                    // code → value, as the large US cities' servers write it; a multi-valued answer's keys joined by commas.
                    .Add("attributes", new Open311Obj([.. ResidentReports.AttributesOf(r).Select(a => (a.Key, (object?)string.Join(",", a.Value)))]))
                    .Add("extended_attributes", Obj(
                        ("channel", r.Channel),
                        ("forwarded_to", r is { ForwardedToTenantId: { } toBody, ForwardedToReportId: { } toId }
                            ? Obj(("jurisdiction_id", toBody), ("service_request_id", Id(toId))) : null),
                        ("media_urls", List("media_urls", "media_url", urls.Select(u => (object?)u))),
                        ("photos", List("photos", "photo", photos[r.Id].OrderBy(p => p.Number).Select(p => (object?)Obj(
                            ("media_url", PhotoUrl(baseUrl, r, p.Number)), ("width", p.Width), ("height", p.Height)))))));
            }

            return (object?)node;
        })), ct);
    }

    /// <summary>mySociety's status-update extension (open311.md §11.3): public history lines of a period, for back offices.</summary>
    public static async Task UpdatesAsync(Open311Call call, CancellationToken ct)
    {
        if (call.Token is null)
        {
            await call.FailAsync(StatusCodes.Status403Forbidden, "api_key がありません。servicerequestupdates には団体の API トークンが必要です。", ct);
            return;
        }

        var query = call.Http.Request.Query;
        var parsed = Open311Query.Parse(name => name is "start_date" or "end_date" ? query[name].FirstOrDefault() : null, includeHidden: true, DateTime.UtcNow);
        if (!parsed.IsSuccess)
        {
            await call.FailAsync(parsed.Error!, ct);
            return;
        }

        var (from, to) = (parsed.Value.Filter.RequestedFromUtc!.Value, parsed.Value.Filter.RequestedToUtc ?? DateTime.MaxValue);
        var updates = await call.Db.ReportNotes.AsNoTracking()
            .Where(n => n.IsPublic && n.Type != "submitted" && n.AtUtc >= from && n.AtUtc <= to)
            .OrderBy(n => n.AtUtc).ThenBy(n => n.ReportId).ThenBy(n => n.Number).Take(Open311Query.MaxRequests).ToListAsync(ct);
        await call.SendAsync("service_request_updates", List("service_request_updates", "request_update", updates.Select(n => (object?)Obj(
            ("update_id", $"{Id(n.ReportId)}-{n.Number.ToString(CultureInfo.InvariantCulture)}"),
            ("service_request_id", Id(n.ReportId)),
            ("status", n.Status.Detailed()),
            ("updated_datetime", Open311Query.Format(n.AtUtc)),
            ("description", n.Text)))), ct);
    }

    /// <summary>The note types of the extension's vocabulary where ours has one ("opened"); our own otherwise (ADR 0014).</summary>
    private static string NoteType(string type) => type == "submitted" ? "opened" : type;

    private static string NoteSummary(ReportNote note) => note.Type switch
    {
        "submitted" => "受け付けました。",
        _ => $"状態: {note.Status.Label()}",
    };

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string BaseUrl(Open311Call call) => $"{call.Http.Request.Scheme}://{call.Http.Request.Host}{call.Http.Request.PathBase}";

    private static string PhotoUrl(string baseUrl, ResidentReport report, int number) =>
        baseUrl + ReportFiles.PublicPhoto(report.TenantId, report.Id, number);

    private static string Notice(ReportService service) =>
        $"{service.Section}が担当します。" + (service.ExpectedDays is { } days ? $"{days.ToString(CultureInfo.InvariantCulture)}日以内の対応を目標にしています。" : "");
}
