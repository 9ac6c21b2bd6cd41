using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;
using InfraLedger.Web.Pages.Shared;
using AssetKind = InfraLedger.Core.Register.AssetKind;

namespace InfraLedger.Web.Pages.Deterioration;

/// <summary>The deterioration tables of a tenant's model, for the page and for its downloads (one place builds both).</summary>
public static class DeteriorationTables
{
    public const int CurveYears = 60;
    public const int ForecastYears = 30;

    public static string KindName(AssetKind kind) => DeteriorationReport.KindNames.First(k => k.Value == kind).Key;

    public static async Task<List<ReportTable>> BuildAsync(AppDbContext db, DeteriorationModel model, double interval, int baseYear, CancellationToken ct)
    {
        var scheme = DeteriorationReport.SchemeOf(model, await Core.Inspections.GradeScales.LoadAsync(db, ct));
        return
        [
            DeteriorationReport.Hazards(model, scheme),
            DeteriorationReport.Transition(model, interval, scheme),
            DeteriorationReport.Curve(model, CurveYears, scheme),
            DeteriorationReport.Forecast(model, await DeteriorationModels.ForecastAsync(db, model, ForecastYears, ct), baseYear, scheme),
        ];
    }

    public static TableView View(ReportTable table, string tenant, AssetKind kind, double interval) =>
        new(table, $"/{tenant}/deterioration/export?table={table.Name}&kind={KindName(kind)}&interval={interval.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
}
