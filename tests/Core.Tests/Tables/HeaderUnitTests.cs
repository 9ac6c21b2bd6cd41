using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Tests.Tables;

public class HeaderUnitTests
{
    [Theory]
    [InlineData("単位：千円", 1000.0)]
    [InlineData("（単位：百万円）", 1000000.0)]
    [InlineData("単位:円", 1.0)]
    [InlineData("令和5年度 固定資産台帳　（単位：千円）", 1000.0)]
    [InlineData("単位：㎡", null)] // not money: a table's area unit may not be meant for its lengths
    [InlineData("令和5年度 公共施設一覧", null)]
    [InlineData("※ 金額は千円単位", null)]
    public void a_title_row_states_a_money_unit_for_the_table(string cell, double? factor) =>
        ((double?)HeaderUnit.TitleUnit(cell)?.Factor).ShouldBe(factor);

    [Theory]
    [InlineData("取得価額（千円）", "取得価額", 1000, "円")]
    [InlineData("取得価額(円)", "取得価額", 1, "円")]
    [InlineData("取得価額（百万円）", "取得価額", 1000000, "円")]
    [InlineData("取得価額（単位：千円）", "取得価額", 1000, "円")]
    [InlineData("取得価額 (千円)", "取得価額", 1000, "円")]
    [InlineData("取得価額_千円", "取得価額", 1000, "円")]
    [InlineData("延床面積（㎡）", "延床面積", 1, "㎡")]
    [InlineData("延床面積(m2)", "延床面積", 1, "㎡")]
    [InlineData("延床面積（ｍ２）", "延床面積", 1, "㎡")]
    [InlineData("延床面積(m²)", "延床面積", 1, "㎡")]
    [InlineData("面積（㎡）", "面積", 1, "㎡")] // 222127_park_info.csv (焼津市オープンデータ)
    [InlineData("面積㎡", "面積", 1, "㎡")]
    [InlineData("面積【㎡】", "面積", 1, "㎡")]
    [InlineData("敷地面積(ha)", "敷地面積", 10000, "㎡")]
    [InlineData("延長（m）", "延長", 1, "m")]
    [InlineData("延長（ｍ）", "延長", 1, "m")]
    [InlineData("延長(km)", "延長", 1000, "m")]
    [InlineData("延長_m", "延長", 1, "m")]
    [InlineData("延長m", "延長", 1, "m")]
    public void split_separates_the_unit_and_its_factor(string header, string name, double factor, string unit)
    {
        var split = HeaderUnit.Split(header);

        split.Name.ShouldBe(name);
        split.Factor.ShouldBe((decimal)factor);
        split.Unit.ShouldBe(unit);
    }

    [Theory]
    [InlineData("名称")]
    [InlineData("住所（番地まで）")]
    [InlineData("名称_カナ")]
    [InlineData("Item")]
    [InlineData("Program")]
    [InlineData("取得価額 金額")]
    public void split_leaves_headers_without_a_unit_whole(string header)
    {
        var split = HeaderUnit.Split(header);

        split.ShouldBe((header, 1m, (string?)null));
    }
}
