using System.Globalization;
using InfraLedger.Core.Register;

namespace InfraLedger.Bench;

/// <summary>
/// A deterministic (fixed seed) register of a large municipality's stock in the mix a 公共施設等総合管理計画 shows:
/// 40% buildings, 30% roads, 5% bridges, 15% water pipes, 10% sewer pipes, with a few rows missing a year, a 大分類
/// or a 幅員 as real registers do.
/// </summary>
internal static class GeneratedRegister
{
    private const string Tenant = "222127";

    // The 13 大分類 of the 総務省 preset, weighted roughly as a city's floor area is (schools and housing first).
    private static readonly (string Category, int Weight)[] Categories =
    [
        ("市民文化系施設", 8), ("社会教育系施設", 3), ("スポーツ・レクリエーション系施設", 6), ("産業系施設", 2),
        ("学校教育系施設", 30), ("子育て支援施設", 5), ("保健・福祉施設", 4), ("医療施設", 1), ("行政系施設", 8),
        ("公営住宅", 20), ("公園", 4), ("供給処理施設", 2), ("その他", 7),
    ];

    private static readonly string?[] BridgeStructures = ["鋼", "PC", "RC", null];
    private static readonly int[] WaterDiameters = [75, 75, 100, 100, 100, 150, 150, 150, 200, 200, 250, 300, 350, 400, 450, 500, 600, 700, 800, 900, 1000];
    private static readonly string[] SewerMaterials = ["ヒューム管", "塩ビ管", "塩ビ管", "陶管"];
    private static readonly int[] SewerDiameters = [200, 200, 250, 250, 300, 350, 400, 450, 500, 600, 700, 800, 1000];

    public static List<Facility> Create(int rows, int seed)
    {
        var random = new Random(seed);
        var totalWeight = Categories.Sum(c => c.Weight);
        var facilities = new List<Facility>(rows);
        for (var i = 0; i < rows; i++)
        {
            var code = "F" + i.ToString("D7", CultureInfo.InvariantCulture);
            var kind = random.Next(100);
            facilities.Add(kind switch
            {
                < 40 => Building(random, code, i, totalWeight),
                < 70 => Road(random, code, i),
                < 75 => Bridge(random, code, i),
                < 90 => WaterPipe(random, code, i),
                _ => SewerPipe(random, code, i),
            });
        }

        return facilities;
    }

    private static Facility Building(Random random, string code, int i, int totalWeight)
    {
        var pick = random.Next(totalWeight);
        var category = Categories[^1].Category;
        foreach (var (name, weight) in Categories)
        {
            if (pick < weight)
            {
                category = name;
                break;
            }

            pick -= weight;
        }

        return new Facility
        {
            TenantId = Tenant,
            Code = code,
            Name = $"{category}{i}",
            Kind = AssetKind.Building,
            UsageMajor = random.Next(100) < 2 ? null : category,
            Quantity = Scaled(random.Next(100_00, 10_000_00 + 1), 2),
            QuantityKind = QuantityKind.FloorArea,
            YearBuilt = random.Next(100) < 3 ? null : random.Next(1950, 2024),
            Structure = random.Next(3) == 0 ? "S" : "RC",
        };
    }

    private static Facility Road(Random random, string code, int i)
    {
        // One road in seven is a 自転車歩行者道; half of those have no 幅員 and take the preset's 1.5 m.
        var cycleway = random.Next(7) == 0;
        return new Facility
        {
            TenantId = Tenant,
            Code = code,
            Name = $"市道{i}号線",
            Kind = AssetKind.Road,
            UsageMinor = cycleway ? "自転車歩行者道" : "一般道路",
            Quantity = Scaled(random.Next(50_0, 3000_0 + 1), 1),
            QuantityKind = QuantityKind.Length,
            Width = cycleway && random.Next(2) == 0 ? null : Scaled(random.Next(3_0, 12_0 + 1), 1),
            YearBuilt = random.Next(100) < 20 ? null : random.Next(1950, 2024),
        };
    }

    private static Facility Bridge(Random random, string code, int i) => new()
    {
        TenantId = Tenant,
        Code = code,
        Name = $"{i}号橋",
        Kind = AssetKind.Bridge,
        Quantity = Scaled(random.Next(5_0, 200_0 + 1), 1),
        QuantityKind = QuantityKind.Length,
        Width = Scaled(random.Next(4_0, 15_0 + 1), 1),
        Structure = BridgeStructures[random.Next(BridgeStructures.Length)],
        YearBuilt = random.Next(100) < 10 ? null : random.Next(1950, 2024),
    };

    private static Facility WaterPipe(Random random, string code, int i)
    {
        var type = random.Next(100) switch { < 85 => "配水管", < 95 => "送水管", _ => "導水管" };
        return new Facility
        {
            TenantId = Tenant,
            Code = code,
            Name = $"{type}{i}",
            Kind = AssetKind.WaterPipe,
            UsageMinor = type,
            Quantity = Scaled(random.Next(5_0, 800_0 + 1), 1),
            QuantityKind = QuantityKind.Length,
            Diameter = WaterDiameters[random.Next(WaterDiameters.Length)],
            Structure = random.Next(2) == 0 ? "DIP" : "VP",
            YearBuilt = random.Next(100) < 5 ? null : random.Next(1955, 2024),
        };
    }

    private static Facility SewerPipe(Random random, string code, int i) => new()
    {
        TenantId = Tenant,
        Code = code,
        Name = $"汚水管渠{i}",
        Kind = AssetKind.SewerPipe,
        UsageMinor = "汚水管",
        Quantity = Scaled(random.Next(5_0, 300_0 + 1), 1),
        QuantityKind = QuantityKind.Length,
        Diameter = SewerDiameters[random.Next(SewerDiameters.Length)],
        Structure = SewerMaterials[random.Next(SewerMaterials.Length)],
        YearBuilt = random.Next(100) < 5 ? null : random.Next(1960, 2024),
    };

    // 1234 with scale 2 is 12.34: quantities carry the decimals a register has.
    private static decimal Scaled(int units, byte scale) => new(units, 0, 0, false, scale);
}
