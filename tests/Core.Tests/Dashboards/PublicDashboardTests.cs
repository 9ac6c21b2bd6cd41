using InfraLedger.Core.Dashboards;
using InfraLedger.Core.Indicators;
using InfraLedger.Tests;

namespace InfraLedger.Core.Tests.Dashboards;

/// <summary>
/// The public dashboards over the real 総務省「主要財政指標一覧」 (FY2011–FY2021). The expected figures were read from
/// the shipped CSV with awk, not from this code: FY2021 財政力指数 has 1,741 values summing to 872.11, from 0.06 to
/// 2.1, median 0.45; 静岡県 has 35 bodies summing to 26.81; 長泉町 (223425) is 1.26 with 19 bodies above it;
/// 将来負担比率 FY2021 is blank for 816 bodies.
/// </summary>
public sealed class PublicDashboardTests(PublicDashboardTests.Published published) : IClassFixture<PublicDashboardTests.Published>
{
    private readonly TestDatabase database = published.Database;

    /// <summary>One database with the file loaded, for the whole class: every test only reads it.</summary>
    public sealed class Published : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Database = await TestDatabase.WithStatisticsAsync();
        }

        public async Task DisposeAsync() => await Database.DisposeAsync();
    }

    [Fact]
    public async Task the_national_ranking_has_every_municipality_as_published()
    {
        await using var db = database.Context();
        var choices = await PublicDashboard.ChoicesAsync(db, default);
        choices.Select(c => c.Definition.Id).ShouldBe(IndicatorDefinition.Fiscal.Select(d => d.Id));
        choices[0].Years.ShouldBe(Enumerable.Range(2011, 11));

        var (choice, year) = PublicDashboard.Pick(choices, null, null).Value;
        year.ShouldBe(2021);
        var ranking = await PublicDashboard.RankingAsync(db, choice, year, null, default);
        ranking.Rows.Count.ShouldBe(1741);
        ranking.Summary.Count.ShouldBe(1741);
        ranking.Summary.Average.ShouldBe(872.11m / 1741);
        ranking.Summary.Median.ShouldBe(0.45m);
        ranking.Distribution.Sum(b => b.Count).ShouldBe(1741);
        (ranking.Distribution[0].From, ranking.Distribution[^1].To).ShouldBe((0.06m, 2.1m));

        var table = new DashboardTables(english: false).Ranking(ranking, "value", descending: true);
        var nagaizumi = table.Rows.Single(r => r[1].Text == "223425");
        (nagaizumi[0].Text, nagaizumi[4].Number, nagaizumi[5].Number).ShouldBe(("長泉町", 1.26m, 20m));
    }

    [Fact]
    public async Task a_prefecture_has_its_own_bodies_and_a_blank_stays_blank()
    {
        await using var db = database.Context();
        var choices = await PublicDashboard.ChoicesAsync(db, default);
        var shizuoka = await PublicDashboard.RankingAsync(db, choices[0], 2021, "22", default);
        shizuoka.Rows.Count.ShouldBe(35);
        shizuoka.Rows.Sum(r => r.Value).ShouldBe(26.81m);

        var burden = PublicDashboard.Pick(choices, IndicatorDefinition.FutureBurden, 2021).Value;
        var ranking = await PublicDashboard.RankingAsync(db, burden.Choice, 2021, null, default);
        ranking.Rows.Count(r => r.Text is null).ShouldBe(816);
        ranking.Summary.Count.ShouldBe(1741 - 816);
        var table = new DashboardTables(english: false).Ranking(ranking, "value", descending: false);
        table.Rows[^1][4].Number.ShouldBeNull();   // blanks last, without a rank
        table.Rows[^1][5].Number.ShouldBeNull();
    }

    [Fact]
    public async Task an_unknown_indicator_or_year_is_refused_in_japanese()
    {
        await using var db = database.Context();
        var choices = await PublicDashboard.ChoicesAsync(db, default);
        PublicDashboard.Pick(choices, "nothing", null).Error!.Message.ShouldBe("指標「nothing」はありません。");
        PublicDashboard.Pick(choices, null, 1999).Error!.Message.ShouldBe("1999年度のデータはありません（2011〜2021年度）。");
        PublicDashboard.Pick([], null, null).Error!.Message.ShouldBe("公表された指標がまだ読み込まれていません。");
    }

    [Fact]
    public async Task the_scatter_pairs_the_bodies_with_both_values()
    {
        await using var db = database.Context();
        var choices = await PublicDashboard.ChoicesAsync(db, default);
        var x = PublicDashboard.Pick(choices, IndicatorDefinition.FinancialCapability, 2021).Value.Choice;
        var y = PublicDashboard.Pick(choices, IndicatorDefinition.FutureBurden, 2021).Value.Choice;
        var scatter = await PublicDashboard.ScatterAsync(db, x, y, 2021, "22", default);
        var yaizu = scatter.Points.Single(p => p.Body.Code == "222127");
        (yaizu.X, yaizu.Y).ShouldBe((0.86m, 8.4m));
        scatter.Points.ShouldNotContain(p => p.Body.Code == "223425");   // 長泉町's 将来負担比率 is blank
    }

    [Theory]
    // Equal-width classes from the smallest to the largest value; a boundary value goes up; the largest is in the last class.
    [InlineData(new[] { 0.0, 1.0, 2.0, 3.0, 4.0 }, 4, new[] { 1, 1, 1, 2 })]
    [InlineData(new[] { 5.0, 5.0, 5.0 }, 4, new[] { 3 })]
    [InlineData(new[] { 0.0, 0.25, 0.5, 0.99, 1.0 }, 2, new[] { 2, 3 })]
    public void the_distribution_has_equal_width_classes(double[] values, int bins, int[] counts) =>
        PublicDashboard.Histogram([.. values.Select(v => (decimal)v)], bins).Select(b => b.Count).ShouldBe(counts);
}
