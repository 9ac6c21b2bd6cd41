using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Indicators;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Indicators;

/// <summary>The tenant's indicators for a fiscal year: 有形固定資産減価償却率 (with drill-down), per-resident stock, 主要財政指標 compared.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public Core.Tenancy.LocalGovernment Tenant { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public IndicatorReport? Report { get; private set; }

    public Error? Error { get; private set; }

    /// <summary>The fiscal year whose books are closed by default: the one that ended before today.</summary>
    public static int DefaultYear(DateTime now) => FiscalYear.Of(DateOnly.FromDateTime(now)).Year - 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var year = Year ?? DefaultYear(DateTime.UtcNow);
        var fy = IndicatorReport.CheckYear(year);
        if (!fy.IsSuccess)
        {
            Error = fy.Error;
            return Page();
        }

        Year = year;
        var report = await IndicatorReport.BuildAsync(db, fy.Value, ct);
        Report = report.IsSuccess ? report.Value : null;
        Error = report.Error;
        return Page();
    }
}
