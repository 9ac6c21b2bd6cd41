using InfraLedger.Core.Register;
using InfraLedger.Core.Search;

namespace InfraLedger.Core.Tests.Search;

[Trait("Database", "any")] // no database
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("やいづしょうがっこう", "ヤイヅショウガッコウ")]            // hiragana → katakana
    [InlineData("ﾔｲﾂﾞｼｮｳｶﾞｯｺｳ", "ヤイヅショウガッコウ")]                   // half-width kana, voiced marks composed
    [InlineData("ＦＨ－１２", "fh-12")]                                      // full-width Latin and digits, case
    [InlineData("  焼津\u3000小学校\t", "焼津 小学校")]                      // ideographic space, runs of white space
    [InlineData("ゝゞ", "ヽヾ")]
    [InlineData(null, "")]
    public void normalises_kana_width_case_and_space(string? text, string expected) => SearchText.Normalize(text).ShouldBe(expected);

    [Fact]
    public void a_query_becomes_distinct_terms_of_bounded_length()
    {
        SearchText.Terms("しょうがっこう　ＦＨ  しょうがっこう").ShouldBe(["ショウガッコウ", "fh"]);
        SearchText.Terms(new string('あ', 500)).Single().Length.ShouldBe(SearchText.MaxQueryLength);
        SearchText.Indexable(SearchText.Terms("橋梁 ab")).ShouldBeFalse();
        SearchText.Indexable(SearchText.Terms("焼津市")).ShouldBeTrue();
    }

    [Fact]
    public void like_and_fts_specials_are_escaped() =>
        (SearchText.ContainsPattern("50%_\\"), SearchText.FtsPhrase("a\"b")).ShouldBe(("%50\\%\\_\\\\%", "\"a\"\"b\""));

    [Fact]
    public void codes_sort_naturally()
    {
        string[] codes = ["FH-10", "FH-2", "FH-1", "FH-02", "10023-10", "10023-2", "FH-100", "ＦＨ-3"];

        codes.OrderBy(NaturalOrder.Key, StringComparer.Ordinal).ThenBy(c => c, StringComparer.Ordinal)
            .ShouldBe(["10023-2", "10023-10", "FH-1", "FH-02", "FH-2", "ＦＨ-3", "FH-10", "FH-100"]);
    }
}
