using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Indicators;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Indicators;

/// <summary>施設類型別ストック情報分析表 in the layout of 財政状況資料集 (13): sheets ① and ②, one block per facility type.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class StockModel(AppDbContext db) : PageModel
{
    public Core.Tenancy.LocalGovernment Tenant { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public IndicatorReport? Report { get; private set; }

    public Error? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Year ??= IndexModel.DefaultYear(DateTime.UtcNow);
        var fy = IndicatorReport.CheckYear(Year.Value);
        if (!fy.IsSuccess)
        {
            Error = fy.Error;
            return;
        }

        var report = await IndicatorReport.BuildAsync(db, fy.Value, ct);
        Report = report.IsSuccess ? report.Value : null;
        Error = report.Error;
    }
}
