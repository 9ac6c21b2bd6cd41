using InfraLedger.Core.Database;
using InfraLedger.Core.Projection;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>The wide-area groups the tenant belongs to (and only those), each with a link to its group plan.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class GroupsModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public IReadOnlyList<WideAreaGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Groups = await Projections.GroupsAsync(db, ct);
    }
}
