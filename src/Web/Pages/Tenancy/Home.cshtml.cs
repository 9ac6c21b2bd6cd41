using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Pages.Tenancy;

[Authorize(Policy = Policies.TenantViewer)]
public sealed class HomeModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public string PrefectureName { get; private set; } = "";

    public List<UserAccounts.Member> Members { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        PrefectureName = await db.LocalGovernments.Where(b => b.Code == Tenant.PrefectureCode).Select(b => b.Name).SingleAsync(ct);
        Members = await UserAccounts.MembersAsync(db, ct);
        IsAdmin = (await authorization.AuthorizeAsync(User, Policies.TenantAdmin)).Succeeded;
    }
}
