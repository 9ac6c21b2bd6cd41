using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using AgingRatio = InfraLedger.Core.Depreciation.AgingRatio;
using InfraLedger.Core.Indicators;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Indicators;

/// <summary>Drill-down: the assets behind a ratio (all, one 勘定科目, one 用途分類 or one facility) with each one's position.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class AssetsModel(AppDbContext db) : PageModel
{
    public Core.Tenancy.LocalGovernment Tenant { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "account")]
    public string? Account { get; set; }

    [BindProperty(SupportsGet = true, Name = "usage")]
    public string? Usage { get; set; }

    [BindProperty(SupportsGet = true, Name = "facility")]
    public string? Facility { get; set; }

    /// <summary>The page of the table (the download holds every asset).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public string PageLink(int page) => Register.QueryLink.Of($"/{Tenant.Code}/indicators/assets",
        ("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("account", Account), ("usage", Usage), ("facility", Facility),
        ("p", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));

    public Table? Table { get; private set; }

    public string? Ratio { get; private set; }

    public Error? Error { get; private set; }

    public string Filter => Account is not null ? $"勘定科目「{Account}」" : Usage is not null ? $"用途分類「{Usage}」" : Facility is not null ? $"施設コード「{Facility}」" : "全体";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Year ??= IndexModel.DefaultYear(DateTime.UtcNow);
        if (IndicatorReport.CheckYear(Year.Value).Error is { } invalid)
        {
            Error = invalid;
            return;
        }

        // Only the year's positions: the drill-down needs neither the series nor the published statistics.
        var settings = await IndicatorSettings.ForTenantAsync(db, ct);
        if (!settings.IsSuccess)
        {
            Error = settings.Error;
            return;
        }

        var snapshot = await RegisterIndicators.ForYearAsync(db, new FiscalYear(Year.Value), settings.Value, ct);
        Table = IndicatorReport.AssetsTable(snapshot, Account, Usage, Facility);
        var lines = snapshot.Behind(Account, Usage, Facility).Where(l => l.InRatio).ToList();
        Ratio = settings.Value.Format(AgingRatio.Of(lines.Sum(l => l.Position.Accumulated), lines.Sum(l => l.Position.Cost)));
    }
}
