using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Maintenance;

public static partial class LccTables
{
    /// <summary>The MLIT framing compares over 30 years (maintenance-planning.md §1).</summary>
    public const int MlitYears = 30;

    /// <summary>The policy the MLIT framing measures savings against.</summary>
    public const string Corrective = "事後保全";

    /// <summary>Every table of a tenant's policy comparison, in the order the page shows them.</summary>
    public static List<Table> Comparison(PolicyComparison c, IReadOnlyList<string> levels)
    {
        var tables = new List<Table> { Summary(c), Mlit(c), Annual(c, cumulative: false), Annual(c, cumulative: true) };
        tables.AddRange(c.Results.Select((r, i) => Distribution(c, r, i, levels)));
        if (c.Optimal is { } o)
        {
            tables.Add(Optimal(o, exact: false));
        }

        tables.Add(Skipped(c));
        return tables;
    }

    private static Table Summary(PolicyComparison c)
    {
        var ranked = c.Results.Where(r => r.Evaluated > 0).OrderBy(r => r.InfiniteDiscounted).Select(r => r.Policy.Name).ToList();
        var h = c.Years.ToString(CultureInfo.InvariantCulture);
        var rows = c.Results.Select(r => (IReadOnlyList<TableCell>)
        [
            new(r.Policy.Name), new(TreatmentLibrary.Label(r.Policy.Type)), new(null, r.Evaluated, 0), Amount(r.YearCosts.Count > 0 ? r.YearCosts[0] : 0),
            Amount(r.Total(c.Years)), Amount(r.DiscountedTotal(c.Years)), Amount(r.InfiniteDiscounted), Amount(r.LongRunAverage),
            ranked.IndexOf(r.Policy.Name) is var i and >= 0 ? new(null, i + 1, 0) : new(null),
        ]).ToList();
        return new Table("comparison", $"方針ごとのライフサイクルコスト（{c.BaseYear}年度から、割引率 {Percent(c.Rate)}）",
            ["方針", "種類", "対象施設数", "初年度（千円）", $"{h}年合計・割引なし（千円）", $"{h}年合計・割引後（千円）", "無限期間の割引総費用（千円）", "長期平均（千円/年）", "順位"], rows,
            $"順位は無限期間の割引総費用（割引率 {Percent(c.Rate)}）の小さい順。割引率を変えると順位が変わることがあり、長期平均の順位は割引率を0に近づけたときの順位。設定: {c.Library.Label}。劣化モデル: {c.Model.Source}。");
    }

    private static Table Mlit(PolicyComparison c)
    {
        var baseline = c.Results.FirstOrDefault(r => r.Policy.Name == Corrective);
        var years = Math.Min(MlitYears, c.Years);
        var rows = c.Results.Where(r => r.Policy.Type != PolicyType.None).Select(r =>
        {
            var total = r.Total(years);
            var saving = baseline is not null && baseline.Total(years) > 0 ? (decimal?)Math.Round((decimal)(1 - (total / baseline.Total(years))) * 100, 1, MidpointRounding.AwayFromZero) : null;
            return (IReadOnlyList<TableCell>)[new(r.Policy.Name), Amount(r.YearCosts.Count > 0 ? r.YearCosts[0] : 0), Amount(total / years), Amount(total), new(null, saving, 1)];
        }).ToList();
        return new Table("mlit", $"{years}年間の総額と{Corrective}に対する縮減率（国土交通省の試算の示し方）",
            ["方針", "初年度（千円）", "年平均（千円）", $"{years}年間の総額（千円）", $"{Corrective}に対する縮減率（%）"], rows,
            $"割引なし。縮減率 = 1 − 方針の総額 ÷ {Corrective}の総額。予防保全は初めの年に費用が集中する（こぶ）ことがあり、年ごとの費用の表で確かめられる。");
    }

    private static Table Annual(PolicyComparison c, bool cumulative)
    {
        var sums = new double[c.Results.Count];
        var rows = Enumerable.Range(0, c.Years).Select(t => (IReadOnlyList<TableCell>)
        [
            new(null, c.BaseYear + t, 0),
            .. c.Results.Select((r, i) => Amount(cumulative ? sums[i] += r.YearCosts[t] : r.YearCosts[t])),
        ]).ToList();
        return cumulative
            ? new Table("cumulative", "累計費用（千円、割引なし）", ["年度", .. c.Results.Select(r => r.Policy.Name)], rows)
            : new Table("annual", "年ごとの費用（千円、割引なし、期待値）", ["年度", .. c.Results.Select(r => r.Policy.Name)], rows,
                "各年度の初めの状態の分布と、その状態での対策の費用から計算した期待値。");
    }

    private static Table Distribution(PolicyComparison c, StockResult r, int index, IReadOnlyList<string> levels)
    {
        var unknown = r.Distributions.Any(d => d[^1] > 0);
        var rows = r.Distributions.Select((d, t) => (IReadOnlyList<TableCell>)
        [
            new(null, c.BaseYear + t, 0), .. d.Take(levels.Count).Select(v => new TableCell(null, Math.Round((decimal)v, 1, MidpointRounding.AwayFromZero), 1)),
            .. unknown ? [new TableCell(null, Math.Round((decimal)d[^1], 1, MidpointRounding.AwayFromZero), 1)] : Array.Empty<TableCell>(),
        ]).ToList();
        return new Table($"distribution-{index.ToString(CultureInfo.InvariantCulture)}", $"健全性の分布「{r.Policy.Name}」（施設数の期待値、年度の初め）",
            ["年度", .. levels, .. unknown ? ["区分不明（点検記録なし）"] : Array.Empty<string>()], rows);
    }

    private static Table Skipped(PolicyComparison c)
    {
        var rows = c.Results.SelectMany(r => r.Skipped.Select(s => (IReadOnlyList<TableCell>)
            [new(r.Policy.Name), new(s.Key), new(null, s.Value.Count, 0), new(string.Join("、", s.Value.First))])).ToList();
        return new Table("skipped", "計算に入れなかった施設", ["方針", "理由", "施設数", "例（施設コード）"], rows,
            "推測はせず、理由ごとに数える。しきい値などの方針は点検記録（この資産種別の区分）のある施設、年数による周期は建設年度のある施設が対象。");
    }
}
