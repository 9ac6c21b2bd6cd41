using System.Globalization;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;

namespace InfraLedger.Bench;

/// <summary>
/// The national dataset: registers for every body of the shipped local-government master that can be a tenant
/// (47 prefectures and 1,741 municipalities), sized to the national stock and shared out by kind of body, with two
/// inspection cycles for every bridge. Deterministic: each body's rows come from a generator seeded by its code, so a
/// body's register is the same in the national database and in its single-tenant baseline, and from run to run.
/// Figures and their sources: bench/README.md § NationalBench.
/// </summary>
internal static class NationalData
{
    /// <summary>A register kind's national total at scale 1 and the share of it held by prefectures and by designated cities (the rest: other municipalities).</summary>
    internal sealed record Stock(AssetKind Kind, string Prefix, long Total, double Prefectures, double DesignatedCities);

    /// <summary>
    /// Bridges ≈ 730,000 and tunnels ≈ 11,000 (MLIT: 723,495 / 10,878 at end FY2017, "約72万 / 約1.1万"); bridges by
    /// manager: prefectures 139k, designated cities 47k, municipalities 476k (the national and expressway bridges are
    /// shared out among local bodies here). Roads ≈ 1.2 million km, water pipes ≈ 740,000 km, sewers ≈ 490,000 km in
    /// segments of about 100 m; public buildings ≈ 400,000 (estimates, see the README).
    /// </summary>
    internal static readonly Stock[] Stocks =
    [
        new(AssetKind.Bridge, "B", 730_000, 0.21, 0.071),
        new(AssetKind.Tunnel, "T", 11_000, 0.45, 0.05),
        new(AssetKind.Road, "R", 12_000_000, 0.11, 0.12),
        new(AssetKind.WaterPipe, "W", 7_400_000, 0.02, 0.20),
        new(AssetKind.SewerPipe, "S", 4_900_000, 0.03, 0.22),
        new(AssetKind.Building, "F", 400_000, 0.12, 0.10),
    ];

    /// <summary>Relative size of a municipality by kind (a population proxy: the master ships no populations).</summary>
    private static double Weight(LocalGovernmentKind kind) => kind switch
    {
        LocalGovernmentKind.CoreCity => 4.0,
        LocalGovernmentKind.City => 1.0,
        LocalGovernmentKind.SpecialWard => 1.5,
        LocalGovernmentKind.Town => 0.3,
        LocalGovernmentKind.Village => 0.12,
        _ => 1.0,
    };

    /// <summary>The bodies that can be tenants, in code order.</summary>
    public static List<LocalGovernment> Bodies() =>
        [.. LocalGovernmentMaster.ReadEmbedded().Bodies.Where(b => b.IsTenant && b.Kind != LocalGovernmentKind.Ward).OrderBy(b => b.Code, StringComparer.Ordinal)];

    /// <summary>How many rows of each kind each body gets at <paramref name="scale"/>: the group's share of the total, split by weight × a ±50 % spread seeded by the code.</summary>
    public static Dictionary<string, long[]> Sizes(IReadOnlyList<LocalGovernment> bodies, double scale)
    {
        static string Group(LocalGovernment b) => b.Kind switch
        {
            LocalGovernmentKind.Prefecture => "pref",
            LocalGovernmentKind.DesignatedCity => "designated",
            _ => "municipal",
        };
        var weights = bodies.ToDictionary(b => b.Code, b => (b.Kind == LocalGovernmentKind.Prefecture || b.Kind == LocalGovernmentKind.DesignatedCity ? 1.0 : Weight(b.Kind))
            * (0.5 + new Random(Seed(b.Code, 0)).NextDouble()));
        var groupTotals = bodies.GroupBy(Group).ToDictionary(g => g.Key, g => g.Sum(b => weights[b.Code]));
        var sizes = bodies.ToDictionary(b => b.Code, _ => new long[Stocks.Length]);
        for (var k = 0; k < Stocks.Length; k++)
        {
            var s = Stocks[k];
            foreach (var b in bodies)
            {
                var share = Group(b) switch { "pref" => s.Prefectures, "designated" => s.DesignatedCities, _ => 1 - s.Prefectures - s.DesignatedCities };
                sizes[b.Code][k] = (long)Math.Round(s.Total * scale * share * weights[b.Code] / groupTotals[Group(b)]);
            }
        }

        return sizes;
    }

    public static int Seed(string code, int salt) => (int.Parse(code, CultureInfo.InvariantCulture) * 31) + salt;

    private static readonly string[] Places = ["本町", "中央", "東", "西", "南", "北", "新田", "川原", "山手", "港", "駅前", "栄", "緑", "旭", "宮前", "上", "下"];
    private static readonly string[] RiverNames = ["大川", "中川", "小川", "堀川", "新川", "桜川", "白川", "黒川", "宮川", "石川"];
    private static readonly (string Major, string Name)[] Buildings =
    [
        ("学校教育系施設", "小学校"), ("学校教育系施設", "中学校"), ("市民文化系施設", "公民館"), ("子育て支援施設", "保育所"),
        ("行政系施設", "支所"), ("スポーツ・レクリエーション系施設", "体育館"), ("公営住宅", "市営住宅"), ("保健・福祉施設", "福祉センター"),
        ("社会教育系施設", "図書館"), ("供給処理施設", "ポンプ場"),
    ];

    /// <summary>The body's register: its rows of every kind, streamed in code order of each kind.</summary>
    public static IEnumerable<Facility> Facilities(LocalGovernment body, long[] sizes, DateTime recordedAtUtc)
    {
        var random = new Random(Seed(body.Code, 1));
        var lat = body.Latitude ?? 35.68;
        var lng = body.Longitude ?? 139.76;
        for (var k = 0; k < Stocks.Length; k++)
        {
            var stock = Stocks[k];
            for (long i = 1; i <= sizes[k]; i++)
            {
                var n = i.ToString("D7", CultureInfo.InvariantCulture);
                var place = Places[random.Next(Places.Length)] + (1 + random.Next(9)).ToString(CultureInfo.InvariantCulture) + "丁目";
                var f = new Facility
                {
                    TenantId = body.Code, Code = stock.Prefix + n, Name = "", Kind = stock.Kind, Address = body.Name + place,
                    Latitude = Math.Round(lat + ((random.NextDouble() - 0.5) / 10), 6), Longitude = Math.Round(lng + ((random.NextDouble() - 0.5) / 10), 6),
                    Version = 1, ValidFrom = new DateOnly(2026, 4, 1), RecordedAtUtc = recordedAtUtc, ChangeReason = "取込: national.csv", ImportSource = "national.csv",
                };
                switch (stock.Kind)
                {
                    case AssetKind.Bridge:
                        var length = 2 + (random.NextDouble() * random.NextDouble() * 200);
                        var width = 3 + (random.NextDouble() * 9);
                        f.Name = RiverNames[random.Next(RiverNames.Length)] + "橋" + n;
                        f.Quantity = decimal.Round((decimal)(length * width), 1);
                        f.QuantityKind = QuantityKind.Area;
                        f.Width = decimal.Round((decimal)width, 1);
                        f.YearBuilt = Year(random, 1975, 12);
                        f.Structure = random.Next(3) == 0 ? "鋼橋" : "PC橋";
                        f.UsageMajor = "橋梁";
                        break;
                    case AssetKind.Tunnel:
                        f.Name = place + "トンネル" + n;
                        f.Quantity = decimal.Round((decimal)(50 + (random.NextDouble() * 1500 * 9)), 1);
                        f.QuantityKind = QuantityKind.Area;
                        f.YearBuilt = Year(random, 1980, 15);
                        f.UsageMajor = "トンネル";
                        break;
                    case AssetKind.Road:
                        var roadLength = 20 + (random.NextDouble() * 160);
                        var roadWidth = 4 + (random.NextDouble() * 8);
                        f.Name = "市道" + place + "線 区間" + n;
                        f.Quantity = decimal.Round((decimal)(roadLength * roadWidth), 1);
                        f.QuantityKind = QuantityKind.Area;
                        f.Width = decimal.Round((decimal)roadWidth, 1);
                        f.YearBuilt = Year(random, 1978, 14);
                        f.UsageMajor = "道路";
                        break;
                    case AssetKind.WaterPipe or AssetKind.SewerPipe:
                        f.Name = (stock.Kind == AssetKind.WaterPipe ? "配水管 " : "汚水管渠 ") + place + " " + n;
                        f.Quantity = decimal.Round((decimal)(20 + (random.NextDouble() * 160)), 1);
                        f.QuantityKind = QuantityKind.Length;
                        f.Diameter = stock.Kind == AssetKind.WaterPipe ? 75 + (25 * random.Next(12)) : 200 + (50 * random.Next(10));
                        f.YearBuilt = Year(random, 1985, 14);
                        f.Structure = random.Next(2) == 0 ? "ダクタイル鋳鉄管" : "硬質塩化ビニル管";
                        f.UsageMajor = stock.Kind == AssetKind.WaterPipe ? "上水道" : "下水道";
                        break;
                    default:
                        var (major, name) = Buildings[random.Next(Buildings.Length)];
                        f.Name = place + name + n;
                        f.Quantity = decimal.Round((decimal)(100 + (random.NextDouble() * random.NextDouble() * 12_000)), 1);
                        f.QuantityKind = QuantityKind.FloorArea;
                        f.YearBuilt = Year(random, 1980, 13);
                        f.Structure = random.Next(4) == 0 ? "S" : "RC";
                        f.UsageMajor = major;
                        break;
                }

                yield return f;
            }
        }
    }

    /// <summary>
    /// Cumulative 判定区分 shares (I, I+II, I+II+III) of the bridges' two cycles. 1st cycle (FY2014–18): III 9.5 %,
    /// IV 0.1 % (68,369 and 682 of ~720,000); end FY2024: III+IV 7.3 %. The split of I+II is not published in our
    /// sources: 45 % of I+II as I, marked unverified in the README.
    /// </summary>
    private static readonly double[][] Cumulative = [[0.904 * 0.45, 0.904, 0.999], [0.927 * 0.45, 0.927, 0.999]];

    /// <summary>
    /// Two inspections of each bridge (5-year cycle: FY2014–18 and FY2019–23), the grade drawn by one number per bridge
    /// so that cycles agree. The bulk insert writes every column: ids in a block of the body's code, the same in both databases.
    /// </summary>
    public static IEnumerable<Inspection> Inspections(LocalGovernment body, long bridges)
    {
        var random = new Random(Seed(body.Code, 2));
        var id = long.Parse(body.Code, CultureInfo.InvariantCulture) * 10_000_000;
        for (long i = 1; i <= bridges; i++)
        {
            var code = "B" + i.ToString("D7", CultureInfo.InvariantCulture);
            var u = random.NextDouble();
            var year = 2014 + (int)(i % 5);
            var day = random.Next(300);
            for (var cycle = 0; cycle < 2; cycle++)
            {
                var c = Cumulative[cycle];
                var grade = u < c[0] ? 1 : u < c[1] ? 2 : u < c[2] ? 3 : 4;
                yield return new Inspection
                {
                    TenantId = body.Code, Id = ++id, FacilityCode = code, InspectedOn = new DateOnly(year + (5 * cycle), 5, 1).AddDays(day),
                    Inspector = "点検業者", Scheme = GradeScheme.RoadStructure.Code, Grade = grade,
                    Countermeasure = grade switch { 1 => "A", 2 => "B", 3 => "C1", _ => "E1" },
                };
            }
        }
    }

    /// <summary>A construction year around <paramref name="peak"/> (spread <paramref name="spread"/> years), within 1950–2025.</summary>
    private static int Year(Random random, int peak, int spread)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Clamp(peak + (int)Math.Round(normal * spread), 1950, 2025);
    }
}
