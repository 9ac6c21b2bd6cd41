using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Register.Facilities;

/// <summary>施設カルテ: the facility whole (Core's <see cref="FacilityRecord"/>) for a fiscal year's book values.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class FacilityModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public Facility Facility => View?.Record.Facility ?? Bare!;

    /// <summary>The facility alone, when the record cannot be built for the year asked (the refusal is shown instead).</summary>
    private Facility? Bare { get; set; }

    public FacilityRecordView? View { get; private set; }

    public Core.Common.Error? Error { get; private set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public bool CanEdit { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var record = await FacilityRecordPage.LoadAsync(db, code, Year, ct);
        if (!record.IsSuccess)
        {
            // A bad year (or setting) is refused on the page, located at the year field; the facility still shows.
            Bare = await FacilityRegister.FindAsync(db, code, ct);
            if (Bare is null)
            {
                return NotFound();
            }

            Error = record.Error;
            ModelState.AddModelError("year", record.Error!.Message);
        }
        else if (record.Value is null)
        {
            return NotFound();
        }
        else
        {
            View = await FacilityRecordPage.ViewAsync(HttpContext, db, record.Value, print: false, ct);
        }

        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
        return Page();
    }
}
