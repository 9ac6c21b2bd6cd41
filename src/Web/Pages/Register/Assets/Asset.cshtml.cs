using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Register.Assets;

[Authorize(Policy = Policies.TenantViewer)]
public sealed class AssetModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public FixedAsset Asset { get; private set; } = null!;

    public Facility? Facility { get; private set; }

    public List<VersionChanges.Row> History { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>取得価額, 減価償却累計額 and 帳簿価額 at the end of <see cref="Year"/> (the indicators' rule), or null with <see cref="PositionError"/>.</summary>
    public Core.Indicators.RegisterIndicators.Line? Position { get; private set; }

    public Core.Indicators.IndicatorSettings? Settings { get; private set; }

    public Core.Common.Error? PositionError { get; private set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var asset = await FixedAssets.FindAsync(db, number, ct);
        if (asset is null)
        {
            return NotFound();
        }

        Asset = asset;
        Facility = asset.FacilityCode is { } code ? await FacilityRegister.FindAsync(db, code, ct) : null;
        History = VersionChanges.Of(await RegisterHistory.OfAsync(db, RegisterEntryType.Asset, number, ct), RegisterLabels.AssetFields);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
        Year ??= FacilityRecord.DefaultYear(DateTime.UtcNow);
        var year = Core.Indicators.IndicatorReport.CheckYear(Year.Value);
        var settings = await Core.Indicators.IndicatorSettings.ForTenantAsync(db, ct);
        PositionError = year.Error ?? settings.Error;
        if (PositionError is null)
        {
            Settings = settings.Value;
            Position = FacilityRecord.PositionOf(asset, Facility, year.Value, settings.Value);
        }

        return Page();
    }
}
