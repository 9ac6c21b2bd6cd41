namespace InfraLedger.Core.Register.DemoData;

/// <summary>
/// A generated but plausible register for the demo tenant: buildings with floor areas, years built and
/// structures, roads, bridges, water and sewer pipes, and a fixed asset for each. Deterministic (fixed seed).
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

    public static (List<Facility> Facilities, List<FixedAsset> Assets) Generate(string tenantId)
    {
        var random = new Random(222127);
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

        Linear(tenantId, random, "R", 120, AssetKind.Road, "市道{0}号線（サンプル）", 150, 3000, 1960, 2015, "インフラ資産", "工作物", 10, 60_000m, assets, facilities);
        Linear(tenantId, random, "BR", 40, AssetKind.Bridge, "{0}号橋（サンプル）", 5, 120, 1955, 2010, "インフラ資産", "工作物", 60, 1_200_000m, assets, facilities);
        Linear(tenantId, random, "W", 50, AssetKind.WaterPipe, "配水管 第{0}区間（サンプル）", 500, 5000, 1965, 2020, "インフラ資産", "工作物", 40, 90_000m, assets, facilities);
        Linear(tenantId, random, "S", 30, AssetKind.SewerPipe, "下水管きょ 第{0}区間（サンプル）", 300, 3000, 1975, 2020, "インフラ資産", "工作物", 50, 120_000m, assets, facilities);
        return (facilities, assets);
    }

    private static void Linear(string tenantId, Random random, string prefix, int count, AssetKind kind, string nameFormat, int minLength, int maxLength,
        int firstYear, int lastYear, string assetClass, string account, int life, decimal costPerMetre, List<FixedAsset> assets, List<Facility> facilities)
    {
        for (var i = 1; i <= count; i++)
        {
            var length = random.Next(minLength, maxLength) * 1m;
            var year = Skewed(random, firstYear, lastYear, (firstYear + lastYear) / 2);
            var code = $"SMP-{prefix}{i:D3}";
            var structure = kind == AssetKind.Bridge ? (random.Next(3) == 0 ? "鋼" : "PC") : null;
            facilities.Add(Sample(tenantId, code, string.Format(System.Globalization.CultureInfo.InvariantCulture, nameFormat, i), kind, length, QuantityKind.Length, year,
                structure, null, null, random));
            var assetLife = kind == AssetKind.Bridge && structure == "鋼" ? 45 : life;
            assets.Add(Asset(tenantId, $"SMP-A{prefix}{i:D3}", code, facilities[^1].Name, assetClass, account, year,
                Thousands(length * costPerMetre), assetLife, length, "m"));
        }
    }

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
