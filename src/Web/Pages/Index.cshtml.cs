using System.Security.Claims;
using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record MyTenant(string Code, string Name, TenantRole Role);

    public List<MyTenant> Tenants { get; private set; } = [];

    public bool IsOperator { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return;
        }

        var memberships = await CrossTenant.MembershipsOfUserAsync(db, userId, ct);
        var codes = memberships.Select(m => m.TenantId).ToList();
        var names = await db.LocalGovernments.Where(b => codes.Contains(b.Code)).ToDictionaryAsync(b => b.Code, b => b.Name, ct);
        Tenants = memberships.Select(m => new MyTenant(m.TenantId, names[m.TenantId], m.Role)).OrderBy(t => t.Code).ToList();
        IsOperator = await db.UserGrants.AnyAsync(g => g.UserId == userId && g.Role == PlatformRole.PlatformOperator, ct);
    }
}
