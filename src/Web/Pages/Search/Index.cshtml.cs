using InfraLedger.Core.Database;
using InfraLedger.Core.Search;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Pages.Inspections;
using InfraLedger.Web.Pages.Register;
using InfraLedger.Web.Pages.Reports;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Search;

/// <summary>
/// One search over the tenant's facilities, fixed assets, inspections and residents' reports (<see cref="TenantSearch"/>):
/// the header's search box sends <c>q</c> here. Grouped by kind, each hit linking to its page; one kind at a time is paged.
/// </summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 20;

    public LocalGovernment Tenant { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindText { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SearchKind? Kind { get; private set; }

    public TenantSearch.Outcome? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        // Any text is a query; an unknown kind is every kind.
        Kind = Enum.TryParse<SearchKind>(KindText, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;
        if (!string.IsNullOrWhiteSpace(Query))
        {
            Result = await TenantSearch.SearchAsync(db, Query, Kind, PageNumber, PageSize, ct);
        }
    }

    public string HrefOf(TenantSearch.Hit hit) => hit.Kind switch
    {
        SearchKind.Facility => RegisterLinks.Facility(Tenant.Code, hit.Key),
        SearchKind.Asset => RegisterLinks.Asset(Tenant.Code, hit.Key),
        SearchKind.Inspection => InspectionLinks.Facility(Tenant.Code, hit.Key),
        _ => ReportPages.Detail(Tenant.Code, long.Parse(hit.Key, System.Globalization.CultureInfo.InvariantCulture)),
    };

    public string KindLink(SearchKind kind, int page = 1) => QueryLink.Of($"/{Tenant.Code}/search",
        ("q", Query), ("kind", kind.ToString().ToLowerInvariant()), ("p", page <= 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public string AllLink => QueryLink.Of($"/{Tenant.Code}/search", ("q", Query));

    public Pager PagerOf(TenantSearch.Group group) => new(group.Count, group.Page, group.PageSize, group.PageCount, page => KindLink(group.Kind, page));
}
