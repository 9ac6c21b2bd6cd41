using System.Text.RegularExpressions;
using InfraLedger.Core.Database;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>
/// The residents' report form: service, its questions, a pin or an address, description, photos, optional contact.
/// Everything is checked by Core before anything is written; refusals come back located. The rate limit and the size
/// limits sit on the page (Razor Pages take them from the page, not from a handler); the rate limit counts POSTs only.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ReportLimits.AnonymousPosts)]
[RequestSizeLimit(ReportLimits.MaxFormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ReportLimits.MaxFormBytes)]
public sealed partial class FormModel(AppDbContext db) : PageModel
{
    /// <summary>The honeypot's name: people never see it, form-filling robots fill it.</summary>
    public const string Honeypot = "website";

    public LocalGovernment Tenant { get; private set; } = null!;

    public List<ReportService> Services { get; private set; } = [];

    /// <summary>What was sent (or asked for by <c>?service=</c>), to fill the form again after a refusal.</summary>
    public ReportFormValues Values { get; private set; } = ReportFormValues.Empty;

    /// <summary>The body whose place the pin is in, when Core refused it as another body's (ADR 0028); the page links to its form.</summary>
    public ReportPlaces.Owner? Elsewhere { get; private set; }

    /// <summary>Every refusal in Core's order (the form's order), each with the id of its field: the error summary lists them.</summary>
    public List<(string Key, string Message)> Problems { get; } = [];

    /// <summary>The page in English (<c>?lang=en</c>, or the form's hidden <c>lang</c>); Japanese otherwise.</summary>
    public bool English { get; private set; }

    /// <summary>The map's background: the tenant's tile layer, like every other map (or the boundary only).</summary>
    public Core.Maps.TileLayers.Resolved Tiles { get; private set; } = new(null, Core.Maps.TileLayers.Source.None);

    /// <summary><c>?lat=&amp;long=</c> keeps a pin sent on from another body's form (ADR 0028).</summary>
    public async Task OnGetAsync(string? service, string? lat, [FromQuery(Name = "long")] string? lng, CancellationToken ct)
    {
        await LoadAsync(ct);
        var pinned = ReportFormValues.TryCoordinate(lat, -90, 90, out _) && ReportFormValues.TryCoordinate(lng, -180, 180, out _);
        Values = ReportFormValues.Empty with { ServiceCode = service, Latitude = pinned ? lat : null, Longitude = pinned ? lng : null };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Values = ReportFormValues.Read(Request.Form);
        if (!string.IsNullOrEmpty(Request.Form[Honeypot]))
        {
            ModelState.AddModelError("", ReportText.T(English, "form.robot"));
            Problems.Add(("", ReportText.T(English, "form.robot")));
            return Page();
        }

        var photos = new List<Submission.PhotoFile>();
        foreach (var file in Request.Form.Files.GetFiles("Photos").Where(f => f.Length > 0))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            photos.Add(new Submission.PhotoFile(Path.GetFileName(file.FileName), buffer.ToArray()));
        }

        var service = Services.FirstOrDefault(s => s.Code == Values.ServiceCode);
        var submission = new Submission(Values.ServiceCode, Values.Latitude, Values.Longitude, Values.Address, null, null, Values.Description,
            Values.AnswersFor(service), [], new Submission.Reporter(Values.Email, Values.Phone, Values.FirstName, Values.LastName, null, null),
            "web", photos, English ? "en" : "ja");
        var (saved, errors) = await ResidentReports.SubmitAllAsync(db, submission, DateTime.UtcNow, ct);
        if (saved is null)
        {
            // Every refusal at once, each under its field, in the page's language (the summary lists them in this order).
            foreach (var error in errors)
            {
                ModelState.AddModelError(FieldOf(error.Field, Values.ServiceCode), error.In(English));
                Problems.Add((FieldOf(error.Field, Values.ServiceCode), error.In(English)));
            }

            // A pin in another body's place: the page links to that body's form with the pin kept (ADR 0028).
            if (errors.Any(e => e.Code == Core.Reports.Errors.OutsideCode)
                && ReportFormValues.TryCoordinate(Values.Latitude, -90, 90, out var la) && ReportFormValues.TryCoordinate(Values.Longitude, -180, 180, out var lo))
            {
                Elsewhere = await ReportPlaces.OwnerAsync(db, la, lo, ct);
            }

            return Page();
        }

        TempData["report.received"] = "true";
        return Redirect(ReportPages.HolderStatus(Tenant.Code, saved.Id, saved.ReporterKey, English));
    }

    /// <summary>Open reports of the same service near the pin, for the duplicate suggestion (JSON for the form's script).</summary>
    public async Task<IActionResult> OnGetNearbyAsync(string? service, string? lat, [FromQuery(Name = "long")] string? lng, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var found = string.IsNullOrWhiteSpace(service) ? null : await Core.Reports.Services.FindAsync(db, service.Trim(), ct);
        if (found is null || !found.IsActive || !ReportFormValues.TryCoordinate(lat, -90, 90, out var la) || !ReportFormValues.TryCoordinate(lng, -180, 180, out var lo))
        {
            return new JsonResult(new { radius = 0, reports = Array.Empty<object>() });
        }

        var nearby = await ResidentReports.NearbyOpenAsync(db, found, la, lo, ct);
        return new JsonResult(new
        {
            radius = found.DuplicateRadiusMetres,
            reports = nearby.Select(n => new
            {
                id = n.Report.Id,
                status = ReportText.Status(ReportText.IsEnglish(Request), n.Report.Status),
                requested = ReportPages.Jst(n.Report.RequestedAtUtc),
                metres = (int)Math.Round(n.Metres),
                url = ReportPages.Status(Tenant.Code, n.Report.Id),
            }),
        });
    }

    /// <summary>The form field a Core refusal belongs to (its id on this page).</summary>
    public static string FieldOf(string? field, string? serviceCode)
    {
        if (field is null)
        {
            return "";
        }

        if (field is "lat" or "long" or "location" or "address_id")
        {
            return "location";
        }

        var attribute = AttributeField().Match(field);
        return attribute.Success ? QuestionId(serviceCode ?? "", attribute.Groups[1].Value) : field;
    }

    /// <summary>The id and name of a service's question on this page: every service's questions are on the page at once.</summary>
    public static string QuestionId(string serviceCode, string questionCode) => $"q-{serviceCode}-{questionCode}";

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        English = ReportText.IsEnglish(Request);
        Tiles = await Maps.MapTiles.ForPageAsync(HttpContext, db, ct);
        Services = await Core.Reports.Services.ListAsync(db, includeInactive: false, ct);
    }

    [GeneratedRegex(@"^attribute\[(.+)\]$")]
    private static partial Regex AttributeField();
}
