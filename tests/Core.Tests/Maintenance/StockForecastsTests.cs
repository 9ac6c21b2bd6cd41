using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Maintenance;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tests.Inspections;
using InfraLedger.Tests;

namespace InfraLedger.Core.Tests.Maintenance;

/// <summary>The stock forecast under an assumption about works (issue 19 item 4): none, current practice, a library policy.</summary>
public sealed class StockForecastsTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private static readonly DateOnly Today = new(2025, 6, 1);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task a_policy_forecast_of_the_worked_example_stock_gives_its_distribution_at_year_ten()
    {
        // maintenance-planning.md §4, E1: θ = (0.10, 0.15, 0.20); a stock of 30% I, 40% II, 20% III, 10% IV; the
        // distribution at the start of year 10 under 事後保全 (acts in IV, to I) and 予防保全 (acts in III and IV, to I).
        // The bridge preset's 事後保全 and 予防保全 are those policies (every treatment they use leaves I).
        await using var db = database.Context(Yaizu);
        var model = await E1StockAsync(db);

        var corrective = (await StockForecasts.ForecastAsync(db, model, new ForecastAssumption(ForecastBasis.Policy, "事後保全"), 10, default)).Value;
        var preventive = (await StockForecasts.ForecastAsync(db, model, new ForecastAssumption(ForecastBasis.Policy, "予防保全"), 10, default)).Value;
        var none = (await StockForecasts.ForecastAsync(db, model, ForecastAssumption.None, 1, default)).Value;

        Close(corrective.Rows[10].Facilities, [4.126412437, 3.03823013, 2.361470188, 0.473887245]);
        Close(preventive.Rows[10].Facilities, [5.528081123, 3.887821735, 0.529387143, 0.05471]);
        Close(none.Rows[1].Facilities, [3 * 0.904837418, (3 * 0.0882588832) + (4 * 0.8607079764), (3 * 0.0064566548) + (4 * 0.12593167) + (2 * 0.8187307531),
            (3 * 0.000447044) + (4 * 0.0133603535) + (2 * 0.1812692469) + 1]);
        preventive.Label.ShouldBe("方針「予防保全」");
        preventive.Note.ShouldContain("3→1 断面修復");
        none.Label.ShouldBe("補修なし");
    }

    [Fact]
    public async Task current_practice_is_estimated_from_the_tenants_own_improvements_and_works_and_keeps_more_of_the_stock_sound()
    {
        await using (var other = database.Context(Fujieda))
        {
            // Another tenant's records, one more repair among them: none of them may enter 焼津市's estimate.
            await SeedAsync(other, "F", repairs: 3);
        }

        await using var db = database.Context(Yaizu);
        await SeedAsync(db, "B", repairs: 2);
        var model = (await DeteriorationModels.FitAsync(db, AssetKind.Bridge, [], null, DateTime.UtcNow, default)).Value;

        var practice = await StockForecasts.ForecastAsync(db, model, new ForecastAssumption(ForecastBasis.Practice), 30, default);
        var none = (await StockForecasts.ForecastAsync(db, model, ForecastAssumption.None, 30, default)).Value;

        practice.IsSuccess.ShouldBeTrue(practice.Error?.Message);
        var fit = practice.Value.Practice!;
        // 10 bridges × 2 inspection pairs, plus the 2 works that left I after III or IV (each a pair ending at the work).
        (fit.Pairs, fit.Works).ShouldBe((22, 2));
        fit.Repairs.ShouldNotBeEmpty();
        fit.Repairs.ShouldAllBe(r => r.To < r.From && r.Rate > 0);
        practice.Value.Label.ShouldBe("現状の補修実績");
        practice.Value.Note.ShouldContain("点検 22 組");
        practice.Value.Rows[0].Facilities.ShouldBe(none.Rows[0].Facilities);
        practice.Value.Rows.ShouldAllBe(r => Math.Abs(r.Facilities.Sum() - 10) < 1e-9);
        practice.Value.Rows[30].Facilities[0].ShouldBeGreaterThan(none.Rows[30].Facilities[0]);
        practice.Value.Rows[30].Facilities[3].ShouldBeLessThan(none.Rows[30].Facilities[3]);
    }

    [Theory]
    [InlineData("sometimes", "maintenance.assumption", "予測の前提「sometimes」はありません（none: 補修なし、practice: 現状の補修実績、policy:方針の名前）。")]
    [InlineData("policy:", "maintenance.assumption", "予測の前提「policy:」はありません（none: 補修なし、practice: 現状の補修実績、policy:方針の名前）。")]
    [InlineData("policy:毎年架替", "maintenance.policy_not_found", "維持管理方針「毎年架替」はこの設定にありません。")]
    [InlineData("policy:60年で架替（総務省試算）", "maintenance.policy_age", "維持管理方針「60年で架替（総務省試算）」は年数による方針のため、健全性の予測には使えません（状態による方針を選んでください）。")]
    [InlineData("practice", "maintenance.practice", "現状の補修実績を点検と工事の記録から推定できません: 推定に使える点検ペア（同じ施設の続く2回の点検）がありません。")]
    public async Task an_assumption_that_cannot_be_used_is_refused_in_japanese_at_the_assume_field(string value, string code, string message)
    {
        await using var db = database.Context(Yaizu);
        var model = await E1StockAsync(db, inspected: false);

        var parsed = ForecastAssumption.Parse(value);
        var error = parsed.IsSuccess ? (await StockForecasts.ForecastAsync(db, model, parsed.Value, 10, default)).Error : parsed.Error;

        error.ShouldNotBeNull();
        (error.Code, error.Message, error.Field).ShouldBe((code, message, code == "maintenance.policy_not_found" ? "policy" : "assume"));
    }

    /// <summary>The E1 chain imported as the bridge model; with <paramref name="inspected"/>, ten bridges whose latest grades are 3 I, 4 II, 2 III, 1 IV.</summary>
    private static async Task<DeteriorationModel> E1StockAsync(AppDbContext db, bool inspected = true)
    {
        var e1 = new HazardFit(4, [], new double[,] { { Math.Log(0.10) }, { Math.Log(0.15) }, { Math.Log(0.20) } }, new double[3, 3], [], 0, 0, 0);
        string[] grades = ["I", "I", "I", "II", "II", "II", "II", "III", "III", "IV"];
        for (var i = 0; i < grades.Length && inspected; i++)
        {
            await InspectionsTests.AddFacilityAsync(db, $"E{i}", AssetKind.Bridge);
            (await Core.Inspections.InspectionRecords.RecordAsync(db, new($"E{i}", null, "2024-06-01", null, grades[i], null, null, null), Today, default)).IsSuccess.ShouldBeTrue();
        }

        return (await DeteriorationModels.ImportAsync(db, AssetKind.Bridge, DeteriorationModel.ToJson(e1), "e1.json", DateTime.UtcNow, default)).Value;
    }

    /// <summary>
    /// Ten bridges inspected in 2014 (all I), 2019 and 2024; the first <paramref name="repairs"/> of those found in III
    /// or IV in 2019 repaired to I in 2020 (the work records the grade I), seen again in 2024.
    /// </summary>
    private static async Task SeedAsync(AppDbContext db, string prefix, int repairs)
    {
        string[] y2019 = ["I", "I", "I", "I", "II", "II", "II", "III", "III", "IV"];
        string[] y2024 = ["I", "I", "I", "II", "II", "II", "III", "IV", "IV", "IV"];
        string[] afterRepair = ["", "", "", "", "", "", "", "II", "I", "II"];
        for (var i = 0; i < y2019.Length; i++)
        {
            var code = $"{prefix}{i}";
            var repaired = y2019[i] is "III" or "IV" && repairs-- > 0;
            await InspectionsTests.AddFacilityAsync(db, code, AssetKind.Bridge);
            foreach (var (on, grade) in new[] { ("2014-06-01", "I"), ("2019-06-01", y2019[i]), ("2024-06-01", repaired ? afterRepair[i] : y2024[i]) })
            {
                (await Core.Inspections.InspectionRecords.RecordAsync(db, new(code, null, on, null, grade, null, null, null), Today, default)).IsSuccess.ShouldBeTrue();
            }

            if (repaired)
            {
                (await Core.Inspections.InspectionRecords.RecordWorkAsync(db, new(code, null, "2020-06-01", "床版取替", "I", "1000000"), Today, default)).IsSuccess.ShouldBeTrue();
            }
        }
    }

    private static void Close(double[] actual, double[] expected)
    {
        for (var j = 0; j < expected.Length; j++)
        {
            actual[j].ShouldBe(expected[j], Math.Max(1e-6 * expected[j], 1e-8), $"state {j + 1}");
        }
    }
}
