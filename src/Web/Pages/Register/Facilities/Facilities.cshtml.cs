using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
    public int? PageNumber { get; set; }

    /// <summary>The page number's older name <c>page</c>, still read so that old links keep working (a route value of Razor Pages, so read from the query).</summary>
    private int? LegacyPageNumber => int.TryParse(Request.Query["page"], System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : null;

    /// <summary>Next page: the cursor of the row the page starts after (keyset paging).</summary>
    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    /// <summary>Previous page: the cursor of the row the page ends before.</summary>
    [BindProperty(SupportsGet = true, Name = "before")]
    public string? Before { get; set; }

    public FacilityRegister.Page<Facility> Result { get; private set; } = null!;

    public List<string> UsageMajors { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public ListSort ListSort => new(Sort, Descending, (column, descending) => Link(1, column, descending));

    public Pager Pager => new(Result.Total, Result.PageNumber, Result.PageSize, Result.PageCount, page => Link(page, Sort, Descending))
    {
        Estimated = Result.Estimated,
        RowCount = Result.Rows.Count,
        HasNext = Result.NextCursor is not null,
        NextHref = Result.NextCursor is { } next ? Link(Result.PageNumber + 1, Sort, Descending, after: next) : null,
        PreviousHref = Result.PreviousCursor is { } previous ? Link(Result.PageNumber - 1, Sort, Descending, before: previous) : null,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Sort = Sort is "code" or "name" or "year" or "quantity" ? Sort : "code";
        Result = await FacilityRegister.ListAsync(db, new FacilityRegister.Query(
            Text, Kind, Status, UsageMajor, Sort, Descending, PageNumber ?? LegacyPageNumber ?? 1, PageSize, After, Before), ct);
        UsageMajors = await DistinctValues.UsageMajorsAsync(db, ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
    }

    private string Link(int page, string sort, bool descending, string? after = null, string? before = null) => QueryLink.Of(RegisterLinks.Facilities(Tenant.Code),
        ("q", Text), ("kind", Kind?.ToString()), ("status", Status?.ToString()), ("usage", UsageMajor),
        ("sort", sort == "code" ? null : sort), ("desc", descending ? "true" : null), ("p", page <= 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("after", after), ("before", before));
}
