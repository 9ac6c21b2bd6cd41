using InfraLedger.Core.Search;

namespace InfraLedger.Core.Tests.Search;

[Trait("Database", "any")] // no database
public sealed class SearchKeysTests
{
    [Fact]
    public void windows_are_the_three_letter_runs_of_longer_terms()
    {
        SearchKeys.Windows(["センター12345"]).ShouldBe(["センタ", "ンター", "ター1", "ー12", "123", "234", "345"]);
        SearchKeys.Windows(["焼津市"]).ShouldBeEmpty();                  // a three-character term is its own trigram
        SearchKeys.Windows(["fh-12"]).ShouldBeEmpty();                   // every window crosses the sign: no trigram of its own
        SearchKeys.Windows(["大井川橋", "大井川"]).ShouldBe(["井川橋"]);   // not a term again, nor twice
        SearchKeys.Windows(["𠮷野家本店"]).ShouldBe(["𠮷野家", "野家本", "家本店"]); // characters, not UTF-16 units
    }

    [Theory]
    // The bench's worst case: every name holds センター; the digits are rare. Rarest first, none overlapping another, then the term.
    [InlineData("センター12345", new[] { 101, 101, 11, 0, 0, 0, 1 }, 101, new[] { "ー12", "345", "センター12345" })]
    // Every window common: the term alone (separate keys would each be read in full).
    [InlineData("センター", new[] { 101, 101 }, 101, new[] { "センター" })]
    // No statistics yet (never analysed): the term alone, as before.
    [InlineData("センター12345", new[] { 0, 0, 0, 0, 0, 0, 0 }, 0, new[] { "センター12345" })]
    // A window in a tenth of the sample is common.
    [InlineData("市民会館", new[] { 10, 9 }, 100, new[] { "民会館", "市民会館" })]
    public void rarest_windows_come_first_then_the_terms(string term, int[] hits, int sampleSize, string[] expected)
    {
        var terms = new[] { term };

        SearchKeys.Order(terms, SearchKeys.Windows(terms), hits, sampleSize).ShouldBe(expected);
    }

    [Fact]
    public void at_most_three_windows_and_every_term_last()
    {
        var terms = new[] { "あいうえおかきく", "さしすせそ" };
        var windows = SearchKeys.Windows(terms);

        var keys = SearchKeys.Order(terms, windows, windows.Select(_ => 0).ToList(), 100);

        keys.Count.ShouldBe(SearchKeys.MaxWindows + 2);
        keys.TakeLast(2).ShouldBe(terms);
        keys.Take(SearchKeys.MaxWindows).ShouldBe(["あいう", "えおか", "さしす"]);
    }
}
