using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Register.Assets;

/// <summary>The 固定資産台帳: a GET filter form, sortable headers and pages; works without JavaScript.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class AssetsModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 50;

    private static readonly string[] Sorts = ["number", "name", "acquired", "cost"];

    public LocalGovernment Tenant { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "account")]
    public string? Account { get; set; }

    [BindProperty(SupportsGet = true, Name = "facility")]
    public string? FacilityCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string Sort { get; set; } = "number";

    [BindProperty(SupportsGet = true, Name = "desc")]
    public bool Descending { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    /// <summary>The page number's older name <c>page</c>, still read so that old links keep working (a route value of Razor Pages, so read from the query).</summary>
    private int? LegacyPageNumber => int.TryParse(Request.Query["page"], System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : null;

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true, Name = "before")]
    public string? Before { get; set; }

    public FacilityRegister.Page<FixedAsset> Result { get; private set; } = null!;

    public List<string> Accounts { get; private set; } = [];

    public bool CanEdit { get; private set; }

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
        Sort = Sorts.Contains(Sort) ? Sort : "number";
        Result = await FixedAssets.ListAsync(db, new FixedAssets.Query(Text, Account, FormValues.Text(FacilityCode), Sort: Sort, Descending: Descending,
            Page: PageNumber ?? LegacyPageNumber ?? 1, PageSize: PageSize, After: After, Before: Before), ct);
        Accounts = await DistinctValues.AccountsAsync(db, ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
    }

    private string Link(int page, string sort, bool descending, string? after = null, string? before = null) => QueryLink.Of(RegisterLinks.Assets(Tenant.Code),
        ("q", Text), ("account", Account), ("facility", FacilityCode),
        ("sort", sort == "number" ? null : sort), ("desc", descending ? "true" : null), ("p", page <= 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("after", after), ("before", before));
}
