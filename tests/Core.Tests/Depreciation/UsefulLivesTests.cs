using InfraLedger.Core.Depreciation;

namespace InfraLedger.Core.Tests.Depreciation;

[Trait("Database", "any")] // no database
public class UsefulLivesTests
{
    [Fact]
    public void the_table_has_the_rows_of_the_domain_doc()
    {
        // register-and-depreciation.md §6.1 has 10 building rows, §6.2 has 11 (舗装 ×2, 橋りょう ×2, トンネル, 配水管,
        // 下水管きょ, 処理設備, ポンプ設備, マンホール, 鉄蓋).
        UsefulLives.Table.Count.ShouldBe(21);
        UsefulLives.Table.Select(r => r.Id).ShouldBeUnique();
        UsefulLives.Table.ShouldAllBe(r => r.Years > 0 && r.Source.StartsWith("S-") && (r.Account == "建物" || r.Account == "工作物"));
        UsefulLives.Table.Where(r => r.Unverified).Select(r => r.Id).ShouldBe(["paving-concrete", "bridge-metal"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("建物", "鉄筋コンクリート造", "庁舎", 50, false)]          // no keyword: 事務所・美術館・下記以外
    [InlineData("建物", "RC", "学校", 47, false)]
    [InlineData("建物", "ＲＣ造", "小学校体育館", 47, false)]            // full-width letters folded
    [InlineData("建物", "鉄骨鉄筋コンクリート造", "市民病院", 39, false)]
    [InlineData("建物", "SRC", "ホテル", 39, false)]
    [InlineData("建物", "RC", "映画館", 41, false)]
    [InlineData("建物", "CB", "事務所", 41, false)]
    [InlineData("建物", "ブロック造", "住宅", 38, false)]
    [InlineData("建物", "S造", "体育館", 34, false)]
    [InlineData("建物", "鉄骨造", "倉庫", 38, false)]
    [InlineData("建物", "木造", "住宅", 22, false)]
    [InlineData("事業用資産/建物", "Ｗ", "職員住宅", 22, false)]
    [InlineData("工作物", "アスファルト", "道路舗装", 10, false)]
    [InlineData("工作物", "コンクリート", "舗装", 15, true)]
    [InlineData("工作物", "鉄筋コンクリート造", "橋りょう", 60, false)]
    [InlineData("工作物", "金属", "橋梁", 45, true)]                     // 金属造 bridges: a single weak source [P]
    [InlineData("工作物", null, "トンネル", 75, false)]
    [InlineData("工作物", null, "配水管", 40, false)]
    [InlineData("工作物", null, "下水管渠", 50, false)]
    [InlineData("工作物", null, "下水処理設備", 50, false)]
    [InlineData("工作物", null, "ポンプ設備", 20, false)]
    [InlineData("工作物", null, "マンホール", 50, false)]
    [InlineData("工作物", null, "マンホール鉄蓋", 15, false)]             // the head of the compound wins
    public void find_folds_structure_abbreviations_and_use_keywords(string account, string? structure, string use, int years, bool unverified)
    {
        var row = UsefulLives.Find(account, structure, use).ShouldNotBeNull();

        (row.Years, row.Unverified).ShouldBe((years, unverified));
    }

    [Theory]
    [InlineData("建物", "木造", "事務所")]       // the doc has only 木造 住宅
    [InlineData("建物", "軽量鉄骨造", "事務所")] // 骨格材肉厚 4mm以下: other lives, not in the table
    [InlineData("建物", null, "庁舎")]           // a building's life depends on its structure
    [InlineData("土地", null, "庁舎敷地")]
    [InlineData("工作物", null, "遊具")]
    public void find_gives_nothing_rather_than_a_guess(string account, string? structure, string use) =>
        UsefulLives.Find(account, structure, use).ShouldBeNull();

    [Fact]
    public void the_table_names_its_version_and_source() =>
        (UsefulLives.Version, UsefulLives.SourceTitle).ShouldBe(
            ("domain/register-and-depreciation.md §6, 2026-11", "減価償却資産の耐用年数等に関する省令（昭和40年大蔵省令第15号）別表第一 ほか"));
}
