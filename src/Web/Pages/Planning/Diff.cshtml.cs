using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Planning;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>What changed from the plan a re-run is based on (or the decided plan) to this one: works added, removed, moved, changed.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class DiffModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public int Id { get; private set; }

    public PlanDiff? Diff { get; private set; }

    public Error? Problem { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Id = id;
        var diff = await WorksPlans.DiffAsync(db, id, ct);
        if (!diff.IsSuccess && diff.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Diff = diff.IsSuccess ? diff.Value : null;
        Problem = diff.Error;
        return Page();
    }

    public static string Label(PlanChangeKind kind) => kind switch
    {
        PlanChangeKind.Added => "追加",
        PlanChangeKind.Removed => "削除",
        PlanChangeKind.Moved => "年度の変更",
        _ => "内容の変更",
    };
}
