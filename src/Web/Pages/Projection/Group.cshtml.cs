using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Projection;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Projection;

/// <summary>A wide-area group's projection: the sum by category and each member's share; 404 for a group the tenant is not in.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class GroupModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Scenario { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? BaseYear { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Years { get; set; }

    public GroupProjection? Projection { get; private set; }

    public Error? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Scenario ??= Presets.Baseline;
        BaseYear ??= ProjectionRun.DefaultBaseYear(DateTime.UtcNow);
        var result = await GroupProjection.RunAsync(db, id, Scenario, BaseYear, Years, null, ct);
        if (!result.IsSuccess && result.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Projection = result.IsSuccess ? result.Value : null;
        Error = result.Error;
        return Page();
    }

    public string ExportUrl(string table) =>
        $"/{Tenant.Code}/projection/groups/{RouteData.Values["id"]}/export?scenario={Uri.EscapeDataString(Scenario!)}&baseYear={BaseYear}{(Years is { } y ? $"&years={y}" : "")}&table={table}";
}
