using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Maintenance;
using InfraLedger.Web.Pages.Shared;
using AssetKind = InfraLedger.Core.Register.AssetKind;

namespace InfraLedger.Web.Pages.Deterioration;

/// <summary>The deterioration tables of a tenant's model, for the page and for its downloads (one place builds both).</summary>
public static class DeteriorationTables
{
    public const int CurveYears = 60;
    public const int ForecastYears = 30;

    public static string KindName(AssetKind kind) => DeteriorationReport.KindNames.First(k => k.Value == kind).Key;

    /// <summary>
    /// Hazards, transition matrix, curve and the stock forecast under <paramref name="assumption"/>. When that assumption
    /// is refused (no records to estimate practice from, an unknown policy), the forecast is the one without works and
    /// the refusal is returned beside it for the page to show.
    /// </summary>
    public static async Task<(List<Table> Tables, Error? Refused)> BuildAsync(AppDbContext db, DeteriorationModel model, double interval, int baseYear,
        ForecastAssumption assumption, CancellationToken ct)
    {
        var scheme = DeteriorationReport.SchemeOf(model, await Core.Inspections.GradeScales.LoadAsync(db, ct));
        var forecast = await StockForecasts.ForecastAsync(db, model, assumption, ForecastYears, ct);
        var refused = forecast.IsSuccess ? null : forecast.Error;
        if (refused is not null)
        {
            forecast = await StockForecasts.ForecastAsync(db, model, ForecastAssumption.None, ForecastYears, ct);
        }

        var f = forecast.Value;
        return ([
            DeteriorationReport.Hazards(model, scheme),
            DeteriorationReport.Transition(model, interval, scheme),
            DeteriorationReport.Curve(model, CurveYears, scheme),
            DeteriorationReport.Forecast(model, f.Rows, baseYear, scheme, f.Label, f.Note),
        ], refused);
    }

    public static TableView View(Table table, string tenant, AssetKind kind, double interval, string assume = "none") =>
        new(table, $"/{tenant}/deterioration/export?table={table.Name}&kind={KindName(kind)}&interval={interval.ToString(System.Globalization.CultureInfo.InvariantCulture)}&assume={Uri.EscapeDataString(assume)}");
}
