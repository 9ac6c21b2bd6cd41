using System.Reflection;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Indicators;

/// <summary>
/// 施設類型別ストック情報分析表 (財政状況資料集 (13), indicators.md §3.2): per facility type the stock per resident
/// and the type's 有形固定資産減価償却率. No source lists the types, measures or denominators: the table
/// (<c>Data/stock-types.csv</c>) is reference data labelled 未検証 wherever it is shown. A facility belongs to a type
/// by its asset kind or its 用途分類 (中分類, else 大分類).
/// </summary>
public static class StockTable
{
    public const bool Unverified = true;

    public enum Measure
    {
        Length,    // 一人当たり延長 (m)
        Area,      // 一人当たり面積 (㎡)
        Amount,    // 一人当たり有形固定資産（償却資産）額 (千円): 取得価額 of the type's depreciable assets
        Capacity,  // 一人当たり処理能力 (t): not held in the register
    }

    public sealed record StockType(string Sheet, string Name, Measure Measure, IReadOnlySet<AssetKind> Kinds, IReadOnlySet<string> Usages)
    {
        public string Unit => Measure switch { Measure.Length => "m", Measure.Area => "㎡", Measure.Amount => "千円", _ => "t" };

        public string MeasureLabel => Measure switch
        {
            Measure.Length => "一人当たり延長",
            Measure.Area => "一人当たり面積",
            Measure.Amount => "一人当たり有形固定資産（償却資産）額",
            _ => "一人当たり処理能力",
        };

        public bool Includes(Facility f) =>
            Kinds.Contains(f.Kind) || (f.UsageMinor is { } minor && Usages.Contains(minor)) || (f.UsageMinor is null && f.UsageMajor is { } major && Usages.Contains(major));
    }

    /// <summary>A row of the table: the stock (null when the register holds no such measure), per resident, and the ratio.</summary>
    public sealed record Row(StockType Type, int Facilities, decimal? Stock, decimal? PerResident, RegisterIndicators.Group Assets);

    public static IReadOnlyList<StockType> Types { get; } = Load();

    public static List<Row> Compute(RegisterIndicators.Snapshot snapshot, int? population)
    {
        var rows = new List<Row>();
        foreach (var type in Types)
        {
            var facilities = snapshot.Facilities.Where(type.Includes).ToList();
            var codes = facilities.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
            var lines = snapshot.Lines.Where(l => l.InRatio && l.Facility is not null && codes.Contains(l.Facility.Code)).ToList();
            var assets = new RegisterIndicators.Group(type.Name, type.Name, lines.Sum(l => l.Position.Cost), lines.Sum(l => l.Position.Accumulated),
                lines.Sum(l => l.Position.BookValue), lines.Count);
            decimal? stock = type.Measure switch
            {
                Measure.Length => Quantity(facilities, QuantityKind.Length),
                Measure.Area => Quantity(facilities, QuantityKind.FloorArea),
                Measure.Amount => facilities.Count == 0 ? null : assets.Cost / 1000m,
                _ => null,
            };
            rows.Add(new Row(type, facilities.Count, stock, stock is { } s && population is > 0 ? s / population.Value : null, assets));
        }

        return rows;
    }

    private static decimal? Quantity(List<Facility> facilities, QuantityKind kind) =>
        facilities.Any(f => f.QuantityKind == kind && f.Quantity is not null) ? facilities.Where(f => f.QuantityKind == kind).Sum(f => f.Quantity ?? 0m) : null;

    private static List<StockType> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("indicators/stock-types.csv")
            ?? throw new InvalidOperationException("埋め込みリソースがありません: stock-types.csv");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(line =>
        {
            var c = line.Split(',');
            return new StockType(c[0], c[1], Enum.Parse<Measure>(c[2], ignoreCase: true),
                c[3].Split('|', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<AssetKind>).ToHashSet(),
                c[4].Split('|', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
        })];
    }
}
