using InfraLedger.Core.Planning;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>Packages of a group plan's works (包括的民間委託 / 共同発注): by year, asset kind and area, with their totals.</summary>
[Trait("Database", "any")] // no database
public sealed class GroupPackageTests
{
    private const string A = "221007";
    private const string B = "222127";

    private static GroupWork W(string member, string facility, int year, decimal cost, AssetKind kind = AssetKind.Bridge, string area = "M523860") =>
        new(member, new Candidate(facility, year, "補修", cost, cost * 2), kind, area);

    [Theory]
    // 東京駅 (35.681236, 139.767125): 1次 5339, 2次 533946, 3次 53394611 (総務省統計局 地域メッシュ統計 の区画の定義から手計算).
    [InlineData(35.681236, 139.767125, PackageArea.Level.First, "5339")]
    [InlineData(35.681236, 139.767125, PackageArea.Level.Second, "533946")]
    [InlineData(35.681236, 139.767125, PackageArea.Level.Third, "53394611")]
    // On the south-west corner of 2次メッシュ 523846 (35°00′ N, 138°45′ E): the mesh to its north-east.
    [InlineData(35.0, 138.75, PackageArea.Level.Second, "523846")]
    [InlineData(34.99999, 138.74999, PackageArea.Level.Second, "523835")]
    public void the_area_is_the_standard_regional_mesh_of_the_facility(double lat, double lon, PackageArea.Level level, string mesh)
    {
        PackageArea.Mesh(lat, lon, level).ShouldBe(mesh);
        PackageArea.Of(A, lat, lon, level).ShouldBe("M" + mesh);
    }

    [Fact]
    public void a_facility_without_coordinates_is_placed_in_its_bodys_area()
    {
        PackageArea.Of(A, null, 138.7).ShouldBe("B" + A);
        PackageArea.Of(A, 10, 138.7).ShouldBe("B" + A); // outside the meshes
    }

    [Fact]
    public void works_are_bundled_by_year_kind_and_area_with_totals_that_are_the_sums_of_their_works()
    {
        GroupWork[] works =
        [
            W(A, "A1", 2027, 100), W(B, "B1", 2027, 250), W(A, "A2", 2027, 50),          // one package, two members
            W(A, "A3", 2027, 70, AssetKind.Road),                                       // same area, other kind
            W(B, "B2", 2028, 30),                                                       // same kind and area, other year
            W(B, "B3", 2027, 40, area: "B" + B),                                        // no coordinates
        ];

        var packages = Packages.Bundle(works);

        packages.Select(p => p.Id).ShouldBe(["2027-Road-M523860", "2027-Bridge-B222127", "2027-Bridge-M523860", "2028-Bridge-M523860"]);
        var joint = packages.Single(p => p.Id == "2027-Bridge-M523860");
        (joint.Count, joint.Cost).ShouldBe((3, 400m));
        joint.Members.ShouldBe([A, B]);
        joint.Shares.ShouldBe([new PackageShare(A, 2, 150), new PackageShare(B, 1, 250)]);
        joint.Works.Select(w => w.Candidate.Facility).ShouldBe(["A1", "A2", "B1"]);
        foreach (var p in packages)
        {
            p.Cost.ShouldBe(p.Works.Sum(w => w.Candidate.Cost));
            p.Shares.Sum(s => s.Cost).ShouldBe(p.Cost);
            p.Shares.Sum(s => s.Count).ShouldBe(p.Count);
        }

        packages.Sum(p => p.Cost).ShouldBe(works.Sum(w => w.Candidate.Cost));
        static string Describe(WorkPackage p) => $"{p.Id}:{string.Join(',', p.Works.Select(w => w.Member + "/" + w.Candidate.Facility))}";
        Packages.Bundle(works.Reverse()).Select(Describe).ShouldBe(packages.Select(Describe), "the same packages whatever the order of the works");
    }
}
