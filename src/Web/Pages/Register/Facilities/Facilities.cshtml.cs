using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Pages.Register.Facilities;

/// <summary>The 施設台帳: a GET filter form, sortable headers and pages; works without JavaScript.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class FacilitiesModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 50;

    public LocalGovernment Tenant { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public AssetKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public FacilityStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "usage")]
    public string? UsageMajor { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string Sort { get; set; } = "code";

    [BindProperty(SupportsGet = true, Name = "desc")]
    public bool Descending { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public FacilityRegister.Page<Facility> Result { get; private set; } = null!;

    public List<string> UsageMajors { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public ListSort ListSort => new(Sort, Descending, (column, descending) => Link(1, column, descending));

    public Pager Pager => new(Result.Total, Result.PageNumber, Result.PageSize, Result.PageCount, page => Link(page, Sort, Descending));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Sort = Sort is "code" or "name" or "year" or "quantity" ? Sort : "code";
        Result = await FacilityRegister.ListAsync(db, new FacilityRegister.Query(Text, Kind, Status, UsageMajor, Sort, Descending, PageNumber, PageSize), ct);
        UsageMajors = await db.Facilities.Where(f => f.UsageMajor != null).Select(f => f.UsageMajor!).Distinct().OrderBy(u => u).ToListAsync(ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
    }

    private string Link(int page, string sort, bool descending) => QueryLink.Of(RegisterLinks.Facilities(Tenant.Code),
        ("q", Text), ("kind", Kind?.ToString()), ("status", Status?.ToString()), ("usage", UsageMajor),
        ("sort", sort == "code" ? null : sort), ("desc", descending ? "true" : null), ("p", page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
