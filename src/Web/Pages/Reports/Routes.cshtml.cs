using InfraLedger.Core.Database;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>
/// The tenant's routes by kind of report (ADR 0028): the reports of a service go on receipt to another body, e.g. 県道 and
/// 河川 to the prefecture. One Core step per save; refusals come back on the service's field.
/// </summary>
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class RoutesModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public List<ReportService> Services { get; private set; } = [];

    /// <summary>Service code → the receiving body's code and name.</summary>
    public Dictionary<string, (string Code, string? Name)> Routes { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? serviceCode, string? target, CancellationToken ct)
    {
        var result = await ReportRoutes.SetAsync(db, serviceCode, target, ct);
        if (!result.IsSuccess)
        {
            ModelState.Clear();
            ErrorResponses.AddTo(ModelState, result.Error! with { Field = "target-" + serviceCode });
            await LoadAsync(ct);
            return Page();
        }

        Saved = string.IsNullOrWhiteSpace(target) ? $"種類「{serviceCode}」の転送をやめました。" : $"種類「{serviceCode}」の通報を {target.Trim()} に転送します。";
        return Redirect($"/{HttpContext.Tenant().Code}/reports/routes");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Services = await Core.Reports.Services.ListAsync(db, includeInactive: false, ct);
        Routes = [];
        foreach (var (service, body) in await ReportRoutes.ListAsync(db, ct))
        {
            Routes[service] = (body, await Forwarding.BodyNameAsync(db, body, ct));
        }
    }
}
