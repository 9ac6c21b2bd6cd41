using InfraLedger.Core.Database;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using FacilityRecord = InfraLedger.Core.Register.Facility;

namespace InfraLedger.Web.Pages.Inspections;

/// <summary>One facility's inspections: the grade of each member over time (chart drawn from its table), with the works marked.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class FacilityModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public FacilityRecord Facility { get; private set; } = null!;

    public GradeScheme Scheme { get; private set; } = GradeScheme.RoadStructure;

    public List<InspectionRecords.Row> Rows { get; private set; } = [];

    public List<MaintenanceWork> Works { get; private set; } = [];

    public GradeHistory History { get; private set; } = null!;

    /// <summary>The photos of each inspection of the facility.</summary>
    public Dictionary<long, List<InspectionPhotos.Info>> Photos { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        if (await Core.Register.FacilityRegister.FindAsync(db, code, ct) is not { } facility)
        {
            return NotFound();
        }

        Facility = facility;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
        Scheme = await InspectionRecords.SchemeOfFacilityAsync(db, code, ct);
        Rows = await InspectionRecords.ListAsync(db, code, ct);
        Photos = await InspectionPhotos.OfFacilityAsync(db, code, ct);
        Works = [.. (await InspectionRecords.WorksAsync(db, code, ct)).OrderBy(w => w.CompletedOn).ThenBy(w => w.Member, StringComparer.Ordinal)];
        // The chart shows the grades on the facility's current scale; records on another scale stay in the list below.
        History = GradeHistory.Of(Rows.Where(r => r.Scheme.Code == Scheme.Code).Select(r => r.Inspection));
        return Page();
    }

    public static string MemberLabel(string member) => member.Length == 0 ? "施設全体" : member;
}
