namespace InfraLedger.Core.Register.DemoData;

/// <summary>
/// A generated but plausible register for the demo tenant: buildings with floor areas, years built and
/// structures, roads and bridges with their 幅員, water and sewer pipes with their 口径, and a fixed asset for each.
/// Deterministic (fixed seeds).
/// Every row is marked <see cref="Facility.IsSample"/>: these are not 焼津市's data.
/// </summary>
public static class SampleRegister
{
    private sealed record BuildingType(string Major, string Minor, string Name, int MinArea, int MaxArea, int RcLife);

    // 用途分類 after the 総務省 classification; useful lives from the 耐用年数省令 (register-and-depreciation.md §6.1).
    private static readonly BuildingType[] BuildingTypes =
    [
        new("学校教育系施設", "学校", "小学校", 4000, 9000, 47),
        new("市民文化系施設", "集会施設", "公民館", 300, 1500, 50),
        new("社会教育系施設", "図書館", "図書館分館", 400, 2500, 50),
        new("スポーツ・レクリエーション系施設", "スポーツ施設", "体育館", 1200, 4000, 47),
        new("子育て支援施設", "幼稚園・保育園・こども園", "保育園", 500, 1500, 47),
        new("保健・福祉施設", "高齢福祉施設", "老人福祉センター", 400, 2000, 50),
        new("行政系施設", "庁舎等", "支所", 500, 3000, 50),
        new("公営住宅", "公営住宅", "市営住宅", 1500, 6000, 47),
    ];

    private static readonly string[] Areas = ["大井川", "豊田", "小川", "港", "東益津", "和田", "大富", "焼津", "静浜", "北部"];

    // Nominal diameters (呼び径, mm) of water pipes and of sewers.
    private static readonly int[] WaterDiameters = [75, 100, 150, 200, 250, 300, 350, 400, 500];
    private static readonly int[] SewerDiameters = [200, 250, 300, 350, 400, 450, 500, 600, 700, 800, 900, 1000];

    public static (List<Facility> Facilities, List<FixedAsset> Assets) Generate(string tenantId)
    {
        var random = new Random(222127);
        // 幅員, 口径, 管種 and the road and pipe types draw from a generator of their own: added later, they leave
        // every value drawn before them (and the tests that pin those) as it was.
        var sizes = new Random(222128);
        var facilities = new List<Facility>();
        var assets = new List<FixedAsset>();

        for (var i = 1; i <= 60; i++)
        {
            var type = BuildingTypes[(i - 1) % BuildingTypes.Length];
            var area = random.Next(type.MinArea, type.MaxArea) / 10 * 10m;
            var year = Skewed(random, 1962, 2020, 1978);
            var structure = random.Next(10) switch { < 7 => "RC", < 9 => "S", _ => "W" };
            var code = $"SMP-B{i:D3}";
            facilities.Add(Sample(tenantId, code, $"{Areas[i % Areas.Length]}{type.Name}（サンプル）", AssetKind.Building, area, QuantityKind.FloorArea, year, structure,
                type.Major, type.Minor, random));
            // Building cost 250,000–400,000 円/㎡ at acquisition, in thousands of yen.
            var cost = Thousands(area * random.Next(250, 400) * 1000m);
            var life = structure switch { "RC" => type.RcLife, "S" => type.RcLife == 47 ? 34 : 38, _ => 22 };
            assets.Add(Asset(tenantId, $"SMP-A{i:D3}-1", code, facilities[^1].Name + " 建物", "事業用資産", "建物", year, cost, life, area, "㎡"));
        }

        Linear(tenantId, random, sizes, "R", 120, AssetKind.Road, "市道{0}号線（サンプル）", 150, 3000, 1960, 2015, "インフラ資産", "工作物", 10, 60_000m, assets, facilities);
        Linear(tenantId, random, sizes, "BR", 40, AssetKind.Bridge, "{0}号橋（サンプル）", 5, 120, 1955, 2010, "インフラ資産", "工作物", 60, 1_200_000m, assets, facilities);
        Linear(tenantId, random, sizes, "W", 50, AssetKind.WaterPipe, "{1} 第{0}区間（サンプル）", 500, 5000, 1965, 2020, "インフラ資産", "工作物", 40, 90_000m, assets, facilities);
        Linear(tenantId, random, sizes, "S", 30, AssetKind.SewerPipe, "下水管きょ 第{0}区間（サンプル）", 300, 3000, 1975, 2020, "インフラ資産", "工作物", 50, 120_000m, assets, facilities);
        return (facilities, assets);
    }

    private static void Linear(string tenantId, Random random, Random sizes, string prefix, int count, AssetKind kind, string nameFormat, int minLength, int maxLength,
        int firstYear, int lastYear, string assetClass, string account, int life, decimal costPerMetre, List<FixedAsset> assets, List<Facility> facilities)
    {
        for (var i = 1; i <= count; i++)
        {
            var length = random.Next(minLength, maxLength) * 1m;
            var year = Skewed(random, firstYear, lastYear, (firstYear + lastYear) / 2);
            var code = $"SMP-{prefix}{i:D3}";
            var structure = kind == AssetKind.Bridge ? (random.Next(3) == 0 ? "鋼" : "PC") : null;
            var usage = LinearUsage(kind, sizes);
            facilities.Add(Sample(tenantId, code, string.Format(System.Globalization.CultureInfo.InvariantCulture, nameFormat, i, usage), kind, length, QuantityKind.Length, year,
                structure, null, usage, random));
            Size(facilities[^1], sizes);
            var assetLife = kind == AssetKind.Bridge && structure == "鋼" ? 45 : life;
            assets.Add(Asset(tenantId, $"SMP-A{prefix}{i:D3}", code, facilities[^1].Name, assetClass, account, year,
                Thousands(length * costPerMetre), assetLife, length, "m"));
        }
    }

    /// <summary>用途分類 中分類 of a linear facility: the road type and the pipe type a renewal projection prices by.</summary>
    private static string? LinearUsage(AssetKind kind, Random sizes) => kind switch
    {
        AssetKind.Road => sizes.Next(8) == 0 ? "自転車歩行者道" : "一般道路",
        AssetKind.WaterPipe => sizes.Next(20) switch { 0 => "導水管", 1 => "送水管", _ => "配水管" },
        _ => null,
    };

    /// <summary>幅員 of roads and bridges; 口径 of pipes, and the 管種 of sewers (as their 構造).</summary>
    private static void Size(Facility f, Random sizes)
    {
        switch (f.Kind)
        {
            case AssetKind.Road:
                f.Width = f.UsageMinor == "自転車歩行者道" ? Tenths(sizes, 1.5m, 3.0m) : Tenths(sizes, 4.0m, 12.0m);
                break;
            case AssetKind.Bridge:
                f.Width = Tenths(sizes, 4.0m, 15.0m);
                break;
            case AssetKind.WaterPipe:
                // 配水管 are mostly small; 導水管 and 送水管 carry a whole supply and start at 250 mm.
                f.Diameter = f.UsageMinor == "配水管" ? WaterDiameters[Smaller(sizes, WaterDiameters.Length)] : WaterDiameters[sizes.Next(4, WaterDiameters.Length)];
                break;
            case AssetKind.SewerPipe:
                var diameter = SewerDiameters[sizes.Next(SewerDiameters.Length)];
                f.Diameter = diameter;
                // Small sewers: 陶管 or ヒューム管 (concrete) when older, mostly 塩ビ管 since; large ones ヒューム管.
                f.Structure = diameter switch
                {
                    <= 450 when f.YearBuilt < 1990 => sizes.Next(3) == 0 ? "陶管" : "ヒューム管",
                    <= 450 => sizes.Next(4) == 0 ? "ヒューム管" : "塩ビ管",
                    _ => "ヒューム管",
                };
                break;
        }
    }

    /// <summary>A value from min to max (both included) in steps of 0.1.</summary>
    private static decimal Tenths(Random random, decimal min, decimal max) => min + (random.Next((int)((max - min) * 10) + 1) / 10m);

    /// <summary>An index below count, more often a low one (most pipes are of the smaller sizes).</summary>
    private static int Smaller(Random random, int count) => Math.Min(random.Next(count), random.Next(count));

    private static Facility Sample(string tenantId, string code, string name, AssetKind kind, decimal quantity, QuantityKind quantityKind, int year,
        string? structure, string? major, string? minor, Random random) => new()
    {
        TenantId = tenantId,
        Code = code,
        Name = name,
        Kind = kind,
        UsageMajor = major,
        UsageMinor = minor,
        Quantity = quantity,
        QuantityKind = quantityKind,
        YearBuilt = year,
        Structure = structure,
        // Scattered over 焼津市 (about 34.82–34.92 N, 138.24–138.34 E).
        Latitude = Math.Round(34.82 + (random.NextDouble() * 0.10), 6),
        Longitude = Math.Round(138.24 + (random.NextDouble() * 0.10), 6),
        Section = kind switch { AssetKind.Building => "資産経営課", AssetKind.WaterPipe => "水道課", AssetKind.SewerPipe => "下水道課", _ => "道路課" },
        Note = "サンプルデータ（焼津市の実データではありません）",
        IsSample = true,
    };

    private static FixedAsset Asset(string tenantId, string number, string facility, string name, string assetClass, string account, int year,
        decimal cost, int life, decimal quantity, string unit) => new()
    {
        TenantId = tenantId,
        Number = number,
        FacilityCode = facility,
        Name = name,
        AssetClass = assetClass,
        Account = account,
        AcquisitionDate = new DateOnly(year, 4, 1),
        AcquisitionCost = cost,
        UsefulLife = life,
        Quantity = quantity,
        QuantityUnit = unit,
        OpeningEstimated = year < 1985, // 昭和59年度以前: 再調達原価 (register-and-depreciation.md §4.1)
        Note = "サンプルデータ",
        IsSample = true,
    };

    private static decimal Thousands(decimal yen) => Math.Round(yen / 1000m, MidpointRounding.AwayFromZero) * 1000m;

    /// <summary>A year between first and last, more often near the peak (most stock dates from the high-growth era).</summary>
    private static int Skewed(Random random, int first, int last, int peak)
    {
        var a = random.Next(first, last + 1);
        var b = random.Next(first, last + 1);
        return Math.Abs(a - peak) < Math.Abs(b - peak) ? a : b;
    }
}
