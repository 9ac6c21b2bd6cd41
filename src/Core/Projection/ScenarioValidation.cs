using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Projection;

/// <summary>Checks a scenario's parameters before they are saved or used; each problem located by parameter.</summary>
public static class ScenarioValidation
{
    private const int MaxAge = 200;
    private const int MaxSpread = 40;

    public static Error? Check(ScenarioParameters p) => CheckAll(p) is [var first, ..] ? first : null;

    /// <summary>Every problem of the parameters, each located by its parameter, so that a form can show them all at once.</summary>
    public static IReadOnlyList<Error> CheckAll(ScenarioParameters p)
    {
        var errors = new List<Error>();
        void Range(string field, string label, decimal value, decimal min, decimal max)
        {
            if (value < min || value > max)
            {
                errors.Add(Errors.Parameter(field, $"{label}「{N(value)}」は {N(min)}〜{N(max)} の範囲で指定してください。"));
            }
        }

        void Price(string field, string label, decimal value) => Range(field, label + "（円）", value, 0, 1_000_000_000m);

        if (!Enum.IsDefined(p.SpreadAlignment) || !Enum.IsDefined(p.AgeBasis) || !Enum.IsDefined(p.SewerPipes.Pricing)
            || p.Cycles.SelectMany(c => c.Events).Any(e => !Enum.IsDefined(e.CostBase)))
        {
            return [Errors.Parameter("", "選択肢にない設定値があります（spreadAlignment、ageBasis、costBase、pricing）。")];
        }

        Range("horizon", "試算期間（年）", p.Horizon, 1, 100);
        Price("demolitionAddOn", "解体費の加算", p.DemolitionAddOn);
        Price("annualRepair", "毎年の修繕", p.AnnualRepair);
        Range("infraBacklogYears", "インフラの積み残しの処理期間（年）", p.InfraBacklogYears, 1, MaxSpread);
        if (p.BuildingRates.Count == 0)
        {
            errors.Add(Errors.Parameter("buildingRates", "建物の用途分類別単価が1行もありません。"));
        }

        var categories = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.BuildingRates.Count; i++)
        {
            var r = p.BuildingRates[i];
            var at = $"buildingRates[{i}]";
            if (string.IsNullOrWhiteSpace(r.Category) || !categories.Add(RenewalProjection.FoldCategory(r.Category)))
            {
                errors.Add(Errors.Parameter(at + ".category", $"建物単価の{i + 1}行目: 用途分類「{r.Category}」が空か、ほかの行と重なっています。"));
            }

            Price(at + ".rebuild", $"「{r.Category}」の建替え単価", r.Rebuild);
            Price(at + ".renovation", $"「{r.Category}」の大規模改修単価", r.Renovation);
        }

        if (!categories.Contains(RenewalProjection.FoldCategory(p.FallbackCategory ?? "")))
        {
            errors.Add(Errors.Parameter("fallbackCategory", $"用途分類が不明な建物に使う分類「{p.FallbackCategory}」が単価表にありません。"));
        }

        Names("cycles", "建物の周期", p.Cycles.Select(c => c.Name), errors);
        Names("roads.types", "道路の種別", p.Roads.Types.Select(t => t.Name), errors);
        Names("bridges.rates", "橋りょうの構造", p.Bridges.Rates.Select(r => r.Name), errors);
        Names("sewerPipes.materials", "下水道管の管種", p.SewerPipes.Materials.Select(m => m.Name), errors);
        CheckCycles(p, errors, Range);
        CheckInfrastructure(p, errors, Range, Price);
        for (var i = 0; i < p.Consolidations.Count; i++)
        {
            var c = p.Consolidations[i];
            var at = $"consolidations[{i}]";
            if (string.IsNullOrWhiteSpace(c.Name) || c.FacilityCodes.Count == 0 || c.FacilityCodes.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add(Errors.Parameter(at + ".facilityCodes", $"集約化の{i + 1}件目「{c.Name}」: 名前と、集約する施設コード（1つ以上）を入力してください。"));
            }

            Range(at + ".year", $"集約化「{c.Name}」の年度", c.Year, 1950, 2150);
            Range(at + ".floorArea", $"集約化「{c.Name}」の延床面積（㎡）", c.FloorArea, 0.01m, 10_000_000m);
            if (!categories.Contains(RenewalProjection.FoldCategory(c.Category ?? "")))
            {
                errors.Add(Errors.Parameter(at + ".category", $"集約化「{c.Name}」の用途分類「{c.Category}」が単価表にありません。"));
            }
        }

        if (p.Excluded.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(Errors.Parameter("excluded", "除外する施設コードに空の行があります。"));
        }

        return errors;
    }

    private static void CheckCycles(ScenarioParameters p, List<Error> errors, Action<string, string, decimal, decimal, decimal> range)
    {
        if (p.Cycles.Count == 0)
        {
            errors.Add(Errors.Parameter("cycles", "建物の周期が1つもありません。"));
            return;
        }

        if (p.Cycles.Sum(c => c.Share) != 1m)
        {
            errors.Add(Errors.Parameter("cycles", $"建物の周期の割合の合計が {N(p.Cycles.Sum(c => c.Share))} です。合計が 1 になるようにしてください。"));
        }

        for (var i = 0; i < p.Cycles.Count; i++)
        {
            var c = p.Cycles[i];
            var at = $"cycles[{i}]";
            var name = $"周期「{c.Name}」の";
            range(at + ".share", name + "割合", c.Share, 0.0001m, 1);
            range(at + ".rebuildAge", name + "建替え年数", c.RebuildAge, 1, MaxAge);
            range(at + ".rebuildSpread", name + "建替え期間（年）", c.RebuildSpread, 1, MaxSpread);
            range(at + ".backlogYears", name + "積み残しの処理期間（年）", c.BacklogYears, 1, MaxSpread);
            range(at + ".rebuildBacklogYears", name + "建替えの積み残しの処理期間（年）", c.RebuildBacklogYears, 1, MaxSpread);
            if (c.RebuildAge is < 1 or > MaxAge)
            {
                continue; // the ages below are bounded by the rebuild age: one error, not a cascade of them
            }

            range(at + ".backlogMinAge", name + "積み残しとする築年数の下限", c.BacklogMinAge, 1, Math.Max(1, c.RebuildAge - 1));
            range(at + ".backlogMaxAge", name + "積み残しとする築年数の上限", c.BacklogMaxAge, c.BacklogMinAge, Math.Max(c.BacklogMinAge, c.RebuildAge - 1));
            for (var j = 0; j < c.Events.Count; j++)
            {
                var e = c.Events[j];
                var eventAt = $"{at}.events[{j}]";
                range(eventAt + ".spread", $"{name}「{e.Name}」の期間（年）", e.Spread, 1, MaxSpread);
                range(eventAt + ".ratio", $"{name}「{e.Name}」の単価に対する割合", e.Ratio, 0, 10);
                if (string.IsNullOrWhiteSpace(e.Name) || e.Ages.Count == 0 || e.Ages.Any(a => a < 1 || a >= c.RebuildAge))
                {
                    errors.Add(Errors.Parameter(eventAt + ".ages", $"{name}「{e.Name}」: 名前と、1〜{c.RebuildAge - 1}年の築年数（建替えより前）を入力してください。"));
                }
            }

            if (c.BacklogEvent is { } backlog && c.Events.All(e => e.Name != backlog))
            {
                errors.Add(Errors.Parameter(at + ".backlogEvent", $"{name}積み残しとする改修「{backlog}」が周期の改修にありません。"));
            }
        }
    }

    private static void CheckInfrastructure(ScenarioParameters p, List<Error> errors, Action<string, string, decimal, decimal, decimal> range, Action<string, string, decimal> price)
    {
        for (var i = 0; i < p.Roads.Types.Count; i++)
        {
            var t = p.Roads.Types[i];
            price($"roads.types[{i}].price", $"道路「{t.Name}」の単価", t.Price);
            range($"roads.types[{i}].cycle", $"道路「{t.Name}」の更新年数", t.Cycle, 1, MaxAge);
            if (t.DefaultWidth is { } w)
            {
                range($"roads.types[{i}].defaultWidth", $"道路「{t.Name}」の標準幅員（m）", w, 0.1m, 200);
            }
        }

        if (p.Roads.Types.All(t => t.Name != p.Roads.DefaultType))
        {
            errors.Add(Errors.Parameter("roads.defaultType", $"種別が分からない道路に使う種別「{p.Roads.DefaultType}」が道路の単価表にありません。"));
        }

        range("bridges.cycle", "橋りょうの更新年数", p.Bridges.Cycle, 1, MaxAge);
        price("bridges.unknownStructureRate", "構造不明の橋りょうの単価", p.Bridges.UnknownStructureRate);
        for (var i = 0; i < p.Bridges.Rates.Count; i++)
        {
            price($"bridges.rates[{i}].price", $"橋りょう「{p.Bridges.Rates[i].Name}」の単価", p.Bridges.Rates[i].Price);
        }

        range("waterPipes.cycle", "上水道管の更新年数", p.WaterPipes.Cycle, 1, MaxAge);
        foreach (var (type, bands) in p.WaterPipes.Tables)
        {
            Bands($"waterPipes.tables.{type}", type, bands, errors, price);
        }

        range("sewerPipes.cycle", "下水道管の更新年数", p.SewerPipes.Cycle, 1, MaxAge);
        for (var i = 0; i < p.SewerPipes.Materials.Count; i++)
        {
            price($"sewerPipes.materials[{i}].price", $"下水道管「{p.SewerPipes.Materials[i].Name}」の単価", p.SewerPipes.Materials[i].Price);
        }

        Bands("sewerPipes.diameters", "下水道管（管径別）", p.SewerPipes.Diameters, errors, price);
    }

    /// <summary>Rows of a table are told apart by name: none empty, none twice.</summary>
    private static void Names(string field, string label, IEnumerable<string> names, List<Error> errors)
    {
        var list = names.ToList();
        var bad = list.FindIndex(n => string.IsNullOrWhiteSpace(n) || list.Count(m => m == n) > 1);
        if (bad >= 0)
        {
            errors.Add(Errors.Parameter($"{field}[{bad}].name", $"{label}の{bad + 1}行目: 名前「{list[bad]}」が空か、ほかの行と重なっています。"));
        }
    }

    /// <summary>Diameter bands must rise without overlapping; gaps are allowed (a pipe in one is reported, not guessed).</summary>
    private static void Bands(string field, string label, IReadOnlyList<DiameterBand> bands, List<Error> errors, Action<string, string, decimal> price)
    {
        for (var i = 0; i < bands.Count; i++)
        {
            var b = bands[i];
            price($"{field}[{i}].price", $"{label} {b.From}mm〜 の単価", b.Price);
            var previousTo = i == 0 ? -1 : bands[i - 1].To;
            if (b.From < 0 || (b.To is { } to && to < b.From) || previousTo is null || b.From <= previousTo)
            {
                errors.Add(Errors.Parameter($"{field}[{i}].from", $"{label}の口径の区分 {i + 1}行目（{b.From}〜{b.To}mm）が前の行と重なっているか、順序が逆です。"));
            }
        }
    }

    private static string N(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);
}
