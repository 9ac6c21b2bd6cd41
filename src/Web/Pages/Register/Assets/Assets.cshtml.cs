using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
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
    public int PageNumber { get; set; } = 1;

    public FacilityRegister.Page<FixedAsset> Result { get; private set; } = null!;

    public List<string> Accounts { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public ListSort ListSort => new(Sort, Descending, (column, descending) => Link(1, column, descending));

    public Pager Pager => new(Result.Total, Result.PageNumber, Result.PageSize, Result.PageCount, page => Link(page, Sort, Descending));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Sort = Sorts.Contains(Sort) ? Sort : "number";
        Result = await FixedAssets.ListAsync(db, new FixedAssets.Query(Text, Account, FormValues.Text(FacilityCode), Sort: Sort, Descending: Descending, Page: PageNumber, PageSize: PageSize), ct);
        Accounts = await db.FixedAssets.Select(a => a.Account).Distinct().OrderBy(a => a).ToListAsync(ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
    }

    private string Link(int page, string sort, bool descending) => QueryLink.Of(RegisterLinks.Assets(Tenant.Code),
        ("q", Text), ("account", Account), ("facility", FacilityCode),
        ("sort", sort == "number" ? null : sort), ("desc", descending ? "true" : null), ("p", page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
