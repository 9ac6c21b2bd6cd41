using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Tests.Tables;

public class CellTextTests
{
    // Normalize skips ICU for text it can tell is already in NFKC; the check must never claim that for text NFKC changes.
    [Fact]
    public void the_nfkc_shortcut_accepts_only_characters_nfkc_leaves_alone()
    {
        var accepted = Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(c => !char.IsSurrogate(c) && CellText.IsNfkcStable([c])).ToList();

        accepted.Count.ShouldBeGreaterThan(20_000);
        accepted.Where(c => c.ToString().Normalize(System.Text.NormalizationForm.FormKC) != c.ToString()).ShouldBeEmpty();
        // And in any order: none of them combines with a neighbour (no combining marks, no jamo).
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var text = new string(Enumerable.Range(0, 8).Select(_ => accepted[random.Next(accepted.Count)]).ToArray());
            text.Normalize(System.Text.NormalizationForm.FormKC).ShouldBe(text);
        }

        foreach (var changed in new[] { "ＲＣ", "ｶﾞｰﾃﾞﾝ", "㎡", "①", "（仮称）", "か\u3099", "\u3000" })
        {
            CellText.IsNfkcStable(changed).ShouldBeFalse(changed);
        }
    }

    [Theory]
    [InlineData("１２３", "123")]
    [InlineData("ＡＢＣ－１", "ABC-1")]
    [InlineData("　焼津市役所　", "焼津市役所")]
    [InlineData(" 32,500 ", "32,500")]
    [InlineData("３２，５００", "32,500")]
    [InlineData("（注）", "(注)")]
    [InlineData("ｼｮｳｶﾞｯｺｳ", "ショウガッコウ")]
    [InlineData("延床面積（㎡）", "延床面積(㎡)")]
    [InlineData("ⅳ", "iv")]
    [InlineData(null, "")]
    public void normalize_makes_full_width_half_width_keeps_square_metres_and_trims(string? text, string expected) =>
        CellText.Normalize(text).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("　 ")]
    [InlineData("－")]
    [InlineData("―")]
    [InlineData("‐")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("ー")]
    [InlineData("…")]
    [InlineData("・")]
    [InlineData("空欄")]
    [InlineData("不明")]
    public void is_missing_recognises_blank_and_dash_marks(string? text) => CellText.IsMissing(text).ShouldBeTrue();

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("なし")]
    [InlineData("ーー")]
    [InlineData("市役所")]
    public void is_missing_keeps_values(string text) => CellText.IsMissing(text).ShouldBeFalse();

    [Theory]
    [InlineData("32,500 ", 32500)] // 222127_park_info.csv 面積（㎡） (焼津市オープンデータ)
    [InlineData("３２，５００", 32500)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1234567", 1234567)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("△1,000", -1000)]
    [InlineData("▲1,000", -1000)]
    [InlineData("-12.5", -12.5)]
    [InlineData("０．５", 0.5)]
    [InlineData("1.2E+3", 1200)]
    [InlineData(" 0 ", 0)]
    public void parse_number_reads_numbers_as_people_write_them(string text, double expected) =>
        CellText.ParseNumber(text).Value.ShouldBe((decimal)expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("－")]
    [InlineData("不明")]
    public void parse_number_gives_null_for_missing_values(string? text) => CellText.ParseNumber(text).Value.ShouldBeNull();

    [Theory]
    [InlineData("1,5", "tables.number_grouping")]
    [InlineData("12,34", "tables.number_grouping")]
    [InlineData("1000円", "tables.not_a_number")]
    [InlineData("約100", "tables.not_a_number")]
    [InlineData("abc", "tables.not_a_number")]
    [InlineData("1.2.3", "tables.not_a_number")]
    public void parse_number_refuses_other_text_with_a_japanese_reason(string text, string code)
    {
        var result = CellText.ParseNumber(text);

        result.Error!.Code.ShouldBe(code);
        result.Error.Message.ShouldContain($"「{text}」");
    }
}
