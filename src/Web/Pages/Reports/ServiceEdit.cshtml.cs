using InfraLedger.Core.Database;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>Creates or edits a report service: every field of <see cref="Services.Input"/>, the questions as lines of text.</summary>
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class ServiceEditModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public bool IsNew { get; private set; }

    [BindProperty]
    public ServiceForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        IsNew = code is null;
        if (code is null)
        {
            return Page();
        }

        var service = await Core.Reports.Services.FindAsync(db, code, ct);
        if (service is null)
        {
            return NotFound();
        }

        Input = ServiceForm.Of(service);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        IsNew = code is null;
        ModelState.Clear(); // Core's checks give the Japanese messages
        // An unticked box sends nothing: read the boxes from the form, not from the defaults.
        Input.IsActive = Request.Form["Input.IsActive"] == "true";
        Input.Batch = Request.Form["Input.Batch"] == "true";
        var input = Input.ToInput(code);
        var saved = await Core.Reports.Services.SaveAsync(db, input, IsNew, DateTime.UtcNow, ct);
        if (!saved.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, saved.Error!, "Input");
            return Page();
        }

        TempData[nameof(ServicesModel.Saved)] = $"種類「{saved.Value.Name}」を保存しました。";
        return Redirect(ReportPages.ServiceList(Tenant.Code));
    }
}

/// <summary>The service form's fields as text.</summary>
public sealed class ServiceForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Group { get; set; }

    public string? Keywords { get; set; }

    public string? Section { get; set; }

    public string? Notice { get; set; }

    public string? ExpectedDays { get; set; }

    public string? DuplicateRadiusMetres { get; set; }

    public bool Batch { get; set; }

    public bool IsActive { get; set; } = true;

    public string? Order { get; set; }

    public string? Attributes { get; set; }

    public static ServiceForm Of(ReportService s) => new()
    {
        Code = s.Code, Name = s.Name, Description = s.Description, Group = s.Group, Keywords = s.Keywords, Section = s.Section, Notice = s.Notice,
        ExpectedDays = s.ExpectedDays?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DuplicateRadiusMetres = s.DuplicateRadiusMetres.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Batch = s.Batch, IsActive = s.IsActive, Order = s.Order.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Attributes = AttributeLines.Format(s.Attributes),
    };

    /// <summary>Core's input; an edited service keeps the code of its address.</summary>
    public Services.Input ToInput(string? code) =>
        new(code ?? Code ?? "", Name ?? "", Description, Group, Keywords, Section ?? "", Notice, ExpectedDays, DuplicateRadiusMetres, Batch, IsActive, Order, Attributes);
}
