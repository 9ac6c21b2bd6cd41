using InfraLedger.Core.Database;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>The tenant's report services (including inactive ones), and the button that adds the default set.</summary>
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class ServicesModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public List<ReportService> Services { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Services = await Core.Reports.Services.ListAsync(db, includeInactive: true, ct);
    }

    public async Task<IActionResult> OnPostDefaultsAsync(CancellationToken ct)
    {
        var added = await Core.Reports.Services.AddDefaultsAsync(db, DateTime.UtcNow, ct);
        Saved = added == 0 ? "既定の種類はすべて登録済みです。" : $"既定の種類を{added}件追加しました。";
        return Redirect(ReportPages.ServiceList(HttpContext.Tenant().Code));
    }
}
