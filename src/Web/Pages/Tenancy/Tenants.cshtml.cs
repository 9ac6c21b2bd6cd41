using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Pages.Tenancy;

[Authorize(Policy = Policies.PlatformOperator)]
public sealed class TenantsModel(AppDbContext db) : PageModel
{
    public const int PageSize = 100;

    public sealed record Row(LocalGovernment Body, int Members);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    // "page" is a route value reserved by Razor Pages, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Skip => (Math.Max(PageNumber, 1) - 1) * PageSize;

    public int Total { get; private set; }

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Tenants.Search(db, Q);
        Total = await query.CountAsync(ct);
        var bodies = await query.Skip(Skip).Take(PageSize).ToListAsync(ct);
        var counts = await CrossTenant.MemberCountsAsync(db, bodies.Select(b => b.Code).ToList(), ct);
        Rows = bodies.Select(b => new Row(b, counts.GetValueOrDefault(b.Code))).ToList();
    }
}
