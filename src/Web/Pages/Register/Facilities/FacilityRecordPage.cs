using InfraLedger.Core.Database;
using InfraLedger.Core.Maps;
using InfraLedger.Core.Register;
using InfraLedger.Web.Pages.Maps;
using InfraLedger.Web.Tenancy;

namespace InfraLedger.Web.Pages.Register.Facilities;

/// <summary>What the 施設カルテ's screen and print pages show: the Core record, its history rows and the map's background.</summary>
public sealed record FacilityRecordView(string Tenant, FacilityRecord Record, IReadOnlyList<VersionChanges.Row> History, TileLayers.Resolved Tiles, bool Print)
{
    public string Code => Record.Facility.Code;

    public string PrintLink => RegisterLinks.Facility(Tenant, Code) + $"/print?year={Record.Year.Year}";

    public string Xlsx => RegisterLinks.Facility(Tenant, Code) + $"/record.xlsx?year={Record.Year.Year}";

    public string IndicatorAssets => $"/{Tenant}/indicators/assets?year={Record.Year.Year}&facility={Uri.EscapeDataString(Code)}";
}

/// <summary>Loading the カルテ for a page (screen or print) or its download: one place for the year rule and the 404.</summary>
public static class FacilityRecordPage
{
    /// <summary>The record, or null for the tenant's missing facility (404); a refusal (bad year, bad setting) as its error.</summary>
    public static Task<Core.Common.Result<FacilityRecord?>> LoadAsync(AppDbContext db, string code, int? year, CancellationToken ct) =>
        FacilityRecord.LoadAsync(db, code, year ?? FacilityRecord.DefaultYear(DateTime.UtcNow), DateTime.UtcNow, ct);

    public static async Task<FacilityRecordView> ViewAsync(HttpContext http, AppDbContext db, FacilityRecord record, bool print, CancellationToken ct) =>
        new(http.Tenant().Code, record, VersionChanges.Of(record.History, RegisterLabels.FacilityFields),
            await MapTiles.ForPageAsync(http, db, ct), print);
}
