using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Indicators;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Indicators;

/// <summary>
/// The tenant's indicators for a fiscal year: 有形固定資産減価償却率 (with drill-down), per-resident stock, both compared
/// with what bodies published, and the 主要財政指標 compared; the tenant's admin publishes or withdraws the year's figures.
/// </summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    [TempData]
    public string? Saved { get; set; }

    public bool CanPublish { get; private set; }

    public Core.Tenancy.LocalGovernment Tenant { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public IndicatorReport? Report { get; private set; }

    public Error? Error { get; private set; }

    /// <summary>The fiscal year whose books are closed by default: the one that ended before today.</summary>
    public static int DefaultYear(DateTime now) => FiscalYear.Of(DateOnly.FromDateTime(now)).Year - 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(Year ?? DefaultYear(DateTime.UtcNow), ct);
        return Page();
    }

    /// <summary>Publishes the year's register figures for comparison (admin only); a refusal is shown on the page.</summary>
    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.TenantAdmin)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(Year ?? 0, ct))
        {
            return Page();
        }

        var published = await RegisterPublication.PublishAsync(db, Report!, DateTime.UtcNow, ct);
        if (!published.IsSuccess)
        {
            Error = published.Error;
            return Page();
        }

        Saved = $"{Year}年度末の台帳指標 {published.Value} 件を公表しました（{RegisterPublication.Licence}）。";
        return Redirect($"/{Tenant.Code}/indicators?year={Year}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.TenantAdmin)).Succeeded)
        {
            return Forbid();
        }

        var fy = IndicatorReport.CheckYear(Year ?? 0);
        if (!fy.IsSuccess)
        {
            await LoadAsync(Year ?? 0, ct);
            return Page();
        }

        var removed = await RegisterPublication.WithdrawAsync(db, fy.Value, DateTime.UtcNow, ct);
        Saved = removed > 0 ? $"{Year}年度末の台帳指標の公表を取り下げました。" : $"{Year}年度末の台帳指標は公表されていません。";
        return Redirect($"/{HttpContext.Tenant().Code}/indicators?year={Year}");
    }

    private async Task<bool> LoadAsync(int year, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        CanPublish = (await authorization.AuthorizeAsync(User, Policies.TenantAdmin)).Succeeded;
        var fy = IndicatorReport.CheckYear(year);
        if (!fy.IsSuccess)
        {
            Error = fy.Error;
            return false;
        }

        Year = year;
        var report = await IndicatorReport.BuildAsync(db, fy.Value, ct);
        Report = report.IsSuccess ? report.Value : null;
        Error = report.Error;
        return report.IsSuccess;
    }
}
