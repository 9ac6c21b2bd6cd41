using System.Text;
using InfraLedger.Core.Tenancy;

namespace InfraLedger.Core.Tests.Tenancy;

[Trait("Database", "any")] // no database
public class LocalGovernmentCodeTests
{
    // Worked examples of ../shared/domain/local-government-codes.md §2.1 (総務省's rule: weights 6,5,4,3,2,
    // mod 11, last digit of 11 − remainder). 011011 is the remainder-0 case, 131130 the remainder-1 case.
    [Theory]
    [InlineData("13101", 6, "131016")] // 千代田区, published
    [InlineData("13000", 1, "130001")] // 東京都, published
    [InlineData("01100", 2, "011002")] // 札幌市, published
    [InlineData("01101", 1, "011011")] // 札幌市中央区: remainder 0 → 1
    [InlineData("13113", 0, "131130")] // 渋谷区: remainder 1 → 0
    [InlineData("01000", 6, "010006")] // 北海道
    [InlineData("14100", 3, "141003")] // 横浜市
    [InlineData("27140", 3, "271403")] // 堺市
    [InlineData("22212", 7, "222127")] // 焼津市
    public void check_digit_matches_the_worked_examples(string fiveDigits, int expected, string sixDigits)
    {
        LocalGovernmentCode.CheckDigit(fiveDigits).ShouldBe(expected);
        LocalGovernmentCode.FromFiveDigit(fiveDigits).Value.ShouldBe(sixDigits);
        LocalGovernmentCode.Parse(sixDigits).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void every_code_in_the_shared_local_government_list_has_a_valid_check_digit()
    {
        var file = Path.Combine(RepositoryRoot(), "..", "shared", "data", "localgov", "localgovjp-utf8.csv");
        File.Exists(file).ShouldBeTrue($"the shared data must sit beside the repository: {file}");
        var codes = File.ReadAllLines(file, Encoding.UTF8).Skip(1).Select(line => line.Split(',')[^1].Trim()).ToList();

        codes.Count.ShouldBe(1916);
        codes.Where(c => !LocalGovernmentCode.Parse(c).IsSuccess).ShouldBeEmpty();
    }

    [Fact]
    public void refuses_a_wrong_check_digit_naming_the_expected_one()
    {
        var result = LocalGovernmentCode.Parse("222128");

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Code.ShouldBe("tenancy.check_digit");
        result.Error.Message.ShouldBe("団体コード「222128」の検査数字（6桁目）が正しくありません。22212 の検査数字は 7 です（正しいコードは 222127）。");
    }

    [Theory]
    [InlineData("22212", "tenancy.code_format")]      // the 5-digit JIS form
    [InlineData("2221270", "tenancy.code_format")]
    [InlineData("22212a", "tenancy.code_format")]
    [InlineData("２２２１２７", "tenancy.code_full_width")]
    [InlineData("", "tenancy.code_missing")]
    [InlineData(null, "tenancy.code_missing")]
    public void refuses_malformed_codes_with_a_reason(string? input, string code)
    {
        var result = LocalGovernmentCode.Parse(input);

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("222127", "22", "220001", false)]
    [InlineData("130001", "13", "130001", true)]
    [InlineData("011011", "01", "010006", false)]
    public void derives_the_prefecture(string code, string prefectureNumber, string prefecture, bool isPrefecture)
    {
        var parsed = LocalGovernmentCode.Parse(code).Value;

        parsed.PrefectureNumber.ShouldBe(prefectureNumber);
        parsed.Prefecture.Value.ShouldBe(prefecture);
        parsed.IsPrefecture.ShouldBe(isPrefecture);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InfraLedger.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("InfraLedger.slnx not found above the test output");
    }
}
