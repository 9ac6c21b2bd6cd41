using InfraLedger.Core.Tenancy;

namespace InfraLedger.Core.Tests.Tenancy;

[Trait("Database", "any")] // no database
public class LocalGovernmentMasterTests
{
    private static readonly List<LocalGovernment> Bodies = LocalGovernmentMaster.ReadEmbedded().Bodies.ToList();

    // Counts from local-government-codes.md §3 (総務省, valid since 2018-10-01): 1,741 市区町村 = 792 市
    // (20 政令市 + 772 others) + 23 特別区 + 743 町 + 183 村 (北方領土 6村 excluded); with 47 都道府県, 1,788.
    [Fact]
    public void tenants_are_the_1788_operating_bodies()
    {
        Bodies.Count(b => b.IsTenant).ShouldBe(1788);
        Bodies.Count(b => b.Kind == LocalGovernmentKind.Prefecture).ShouldBe(47);
        Bodies.Count(b => b.Kind == LocalGovernmentKind.DesignatedCity).ShouldBe(20);
        Bodies.Count(b => b.Kind is LocalGovernmentKind.City or LocalGovernmentKind.CoreCity).ShouldBe(772);
        Bodies.Count(b => b.Kind == LocalGovernmentKind.CoreCity).ShouldBe(62);
        Bodies.Count(b => b.Kind == LocalGovernmentKind.SpecialWard).ShouldBe(23);
        Bodies.Count(b => b.Kind == LocalGovernmentKind.Town).ShouldBe(743);
        Bodies.Count(b => b.Kind == LocalGovernmentKind.Village).ShouldBe(183);
    }

    [Fact]
    public void wards_of_designated_cities_are_sub_units_not_tenants()
    {
        var wards = Bodies.Where(b => b.Kind == LocalGovernmentKind.Ward).ToList();

        wards.Count.ShouldBe(175); // the upstream list predates 浜松市's 2024 regrouping (7 → 3 wards): 171 + 4
        wards.ShouldAllBe(w => !w.IsTenant);
        var chuo = wards.Single(w => w.Code == "011011");
        chuo.Name.ShouldBe("札幌市 中央区");
        chuo.ParentCode.ShouldBe("011002");
    }

    [Fact]
    public void northern_territories_villages_are_not_tenants()
    {
        Bodies.Select(b => b.Code).Intersect(LocalGovernmentMaster.NorthernTerritoriesVillages).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("222127", "焼津市", "やいづし", LocalGovernmentKind.City, "220001")]
    [InlineData("010006", "北海道", "ほっかいどう", LocalGovernmentKind.Prefecture, "010006")]
    [InlineData("141003", "横浜市", "よこはまし", LocalGovernmentKind.DesignatedCity, "140007")]
    [InlineData("131016", "千代田区", "ちよだく", LocalGovernmentKind.SpecialWard, "130001")]
    [InlineData("092011", "宇都宮市", "うつのみやし", LocalGovernmentKind.CoreCity, "090000")]
    [InlineData("473812", "竹富町", "たけとみちょう", LocalGovernmentKind.Town, "470007")]
    [InlineData("133825", "御蔵島村", "みくらじまむら", LocalGovernmentKind.Village, "130001")]
    public void reads_names_readings_kinds_and_prefectures(string code, string name, string kana, LocalGovernmentKind kind, string prefecture)
    {
        var body = Bodies.Single(b => b.Code == code);

        body.Name.ShouldBe(name);
        body.Kana.ShouldBe(kana);
        body.Kind.ShouldBe(kind);
        body.PrefectureCode.ShouldBe(prefecture);
    }

    [Fact]
    public void core_city_kind_is_labelled_unverified()
    {
        Bodies.Where(b => b.KindUnverified).ShouldAllBe(b => b.Kind == LocalGovernmentKind.CoreCity);
        Bodies.Single(b => b.Code == "222127").KindUnverified.ShouldBeFalse();
    }
}
