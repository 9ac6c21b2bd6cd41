using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Register.Export;

namespace InfraLedger.Core.Planning;

/// <summary>
/// A kept plan as the 個別施設計画 municipalities publish (maintenance-planning.md §2): 計画概要 with the six contents ①–⑥,
/// 対策工事リスト (per facility 健全度, 対策内容, 実施予定年度, 概算費用, 優先順位 and the reason), 年度別計画表 (per year the
/// budget and cost by funding source and asset kind, the expected grades), 施設一覧, the LCC saving against 事後保全
/// and the cost outlook. XLSX has one sheet per table; CSV one table (対策工事リスト unless another is asked).
/// </summary>
public static class PlanExport
{
    /// <summary>The tables, by name: summary, works, years, facilities, lcc, outlook.</summary>
    public static IReadOnlyList<ReportTable> Tables(WorksPlanView plan) =>
        [Summary(plan), Works(plan), Years(plan), Facilities(plan), Lcc(plan), Outlook(plan)];

    /// <summary>Sheet names of the XLSX, by table name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sheets = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["summary"] = "計画概要", ["works"] = "対策工事リスト", ["years"] = "年度別計画表", ["facilities"] = "施設一覧", ["lcc"] = "ライフサイクルコスト", ["outlook"] = "費用の見通し",
    };

    public static Task WriteXlsxAsync(WorksPlanView plan, Stream output, CancellationToken ct) =>
        XlsxExport.WriteTablesAsync([.. Tables(plan).Select(t => (Sheets[t.Name], t))], output, ct);

    /// <summary>One table as CSV (UTF-8 with a BOM for Excel, plain UTF-8, or CP932 as the other staff downloads, ADR 0021).</summary>
    public static async Task<Result<bool>> WriteCsvAsync(WorksPlanView plan, string table, Stream output, CsvEncoding encoding, CancellationToken ct)
    {
        if (Tables(plan).FirstOrDefault(t => t.Name == table) is not { } x)
        {
            return Errors.ExportTable(table, string.Join("・", Sheets.Keys));
        }

        await CsvExport.WriteAsync(x.Rows.ToAsyncEnumerable(), x.Columns, output, encoding, ct);
        return true;
    }

    /// <summary>The file name of a download: 222127_plan_3.xlsx.</summary>
    public static string FileName(string tenant, WorksPlanView plan, string extension, string? table = null) =>
        $"{tenant}_plan_{plan.Summary.Id.ToString(CultureInfo.InvariantCulture)}{(table is null or "works" ? "" : "_" + table)}.{extension}";

    private static ReportTable Summary(WorksPlanView p)
    {
        var r = p.Result;
        var i = p.Inputs;
        var kinds = string.Join("、", r.Facilities.GroupBy(f => f.Kind).Select(g => $"{g.Key} {N(g.Count())} 施設"));
        var grades = string.Join("、", r.GradeLabels.Select((l, s) => $"{l}: {N(r.Facilities.Count(f => f.Grade == s + 1))}"));
        var lcc = r.Lcc.Count == 0 ? "事後保全との比較なし（補修工法の設定に「事後保全」の方針がない）"
            : string.Join("。", r.Lcc.Select(l => $"{l.Kind}: {N(i.OutlookYears)}年間で{l.Policy} {Yen(l.PolicyTotal)} 円、事後保全 {Yen(l.CorrectiveTotal)} 円、縮減 {Yen(l.Saving)} 円（{(l.SavingRate * 100).ToString("0.0", CultureInfo.InvariantCulture)}%）"));
        var priority = r.Basis.FirstOrDefault(b => b.StartsWith("影響度の設定", StringComparison.Ordinal)) ?? "";
        (string, string)[] rows =
        [
            ("計画", $"{p.Summary.Title}（{p.Summary.StatusLabel}、計画 {N(p.Summary.Id)}{(p.Summary.BasedOn is { } b ? $"、計画 {N(b)} の再計算" : "")}）"),
            ("① 対象施設", $"{kinds}（点検記録のない施設は計画の対象外。施設ごとは「施設一覧」）"),
            ("② 計画期間", $"{N(i.FirstYear)}〜{N(i.LastYear)}年度（{N(i.Horizon)}年）、費用の見通し {N(i.OutlookYears)}年"),
            ("③ 対策の優先順位の考え方", $"リスクの高い順（{priority}）。対策は予算内で便益が最大になるよう選ぶ。施設ごとの順位と理由は「対策工事リスト」「施設一覧」"),
            ("④ 個別施設の状態等", $"最新の点検の健全度 {grades}"),
            ("⑤ 対策内容と実施時期", $"{N(r.Works.Count)} 件（施設ごとは「対策工事リスト」、年度ごとは「年度別計画表」）"),
            ("⑥ 対策費用", $"計画期間の合計 {Yen((double)r.Cost)} 円（年平均 {Yen((double)r.Cost / i.Horizon)} 円）。{lcc}"),
            ("解法", r.Gap is { } gap ? $"厳密解法の便益 {Yen((double)(r.ExactBenefit ?? 0))} 円、ヒューリスティック {Yen((double)(r.HeuristicBenefit ?? 0))} 円、差 {(gap * 100).ToString("0.00", CultureInfo.InvariantCulture)}%" : $"{(r.Method == "exact" ? "厳密解法" : "ヒューリスティック")}の便益 {Yen((double)r.Benefit)} 円"),
            .. r.Basis.Select(b => ("根拠", b)),
        ];
        return new ReportTable("summary", "計画概要", ["項目", "内容"], [.. rows.Select(x => (IReadOnlyList<ReportCell>)[new(x.Item1), new(x.Item2)])]);
    }

    private static ReportTable Works(WorksPlanView p) => new("works", "対策工事リスト",
        ["優先順位", "施設コード", "施設名", "資産種別", "健全度", "対策内容", "対策区分", "実施予定年度", "財源", "概算費用（円）", "便益（円）", "確約", "理由"],
        [.. p.Result.Works.Select(w => (IReadOnlyList<ReportCell>)
        [
            w.Priority > 0 ? new(null, w.Priority, 0) : new(null), new(w.Facility), new(w.Name), new(w.Kind), new(Grade(p.Result, w.Grade)), new(w.Treatment), new(w.Category),
            new(N(w.Year)), new(w.Source.Length == 0 ? "一般財源" : w.Source), new(null, w.Cost, 0), new(null, w.Benefit, 0), new(w.Committed ? "確約" : ""), new(w.Reason),
        ])]);

    // Years are text cells: a page and the CLI show 2027, not 2,027 (ReportCell groups every number).
    private static ReportTable Years(WorksPlanView p)
    {
        var r = p.Result;
        var sources = r.Years.SelectMany(y => y.Budget.Select(b => b.Name)).Distinct().Order(StringComparer.Ordinal).ToList();
        var kinds = r.Years.SelectMany(y => y.ByKind.Select(b => b.Name)).Distinct().Order(StringComparer.Ordinal).ToList();
        static decimal Of(IReadOnlyList<PlanAmount> xs, string name) => xs.FirstOrDefault(x => x.Name == name)?.Amount ?? 0;
        return new ReportTable("years", "年度別計画表",
            ["年度", .. sources.Select(s => $"予算 {Source(s)}（円）"), .. sources.Select(s => $"費用 {Source(s)}（円）"), .. kinds.Select(k => $"費用 {k}（円）"), "費用 合計（円）",
             .. r.GradeLabels.Select(l => $"{l}（施設数の期待値）"), $"{r.GradeLabels[Math.Min(p.Inputs.PoorFrom, r.GradeLabels.Count) - 1]}〜{r.GradeLabels[^1]}の割合（%）"],
            [.. r.Years.Select(y => (IReadOnlyList<ReportCell>)
            [
                new(N(y.Year)), .. sources.Select(s => new ReportCell(null, Of(y.Budget, s), 0)), .. sources.Select(s => new ReportCell(null, Of(y.BySource, s), 0)),
                .. kinds.Select(k => new ReportCell(null, Of(y.ByKind, k), 0)), new(null, y.BySource.Sum(x => x.Amount), 0),
                .. y.Grades.Select(g => new ReportCell(null, Math.Round((decimal)g, 2, MidpointRounding.AwayFromZero), 2)),
                new(null, Math.Round((decimal)y.PoorShare * 100, 1, MidpointRounding.AwayFromZero), 1),
            ])],
            "健全度の分布は各年度の対策の後の期待値。予算に使われなかった分は翌年度に繰り越さない。");
    }

    private static ReportTable Facilities(WorksPlanView p) => new("facilities", "施設一覧（健全度と優先順位）",
        ["優先順位", "施設コード", "施設名", "資産種別", "健全度", "リスク", "対策", "理由"],
        [.. p.Result.Facilities.Select(f =>
        {
            var work = p.Result.Works.FirstOrDefault(w => w.Facility == f.Facility);
            return (IReadOnlyList<ReportCell>)
            [
                f.Priority is { } k ? new(null, k, 0) : new(null), new(f.Facility), new(f.Name), new(f.Kind), new(Grade(p.Result, f.Grade)),
                new(null, Math.Round((decimal)f.Risk, 4, MidpointRounding.AwayFromZero), 4), new(work is null ? "計画期間内の対策なし" : $"{N(work.Year)}年度 {work.Treatment}"), new(f.Reason),
            ];
        })]);

    private static ReportTable Lcc(WorksPlanView p) => new("lcc", $"ライフサイクルコスト（{N(p.Inputs.OutlookYears)}年間、事後保全との比較）",
        ["資産種別", "方針", "施設数", "方針の総額（円）", "事後保全の総額（円）", "縮減額（円）", "縮減率（%）", "方針の割引後総額（円）", "事後保全の割引後総額（円）", "補修工法の設定"],
        [.. p.Result.Lcc.Select(l => (IReadOnlyList<ReportCell>)
        [
            new(l.Kind), new(l.Policy), new(null, l.Facilities, 0), Amount(l.PolicyTotal), Amount(l.CorrectiveTotal), Amount(l.Saving),
            new(null, Math.Round((decimal)l.SavingRate * 100, 1, MidpointRounding.AwayFromZero), 1), Amount(l.PolicyDiscounted), Amount(l.CorrectiveDiscounted), new(l.Library),
        ])],
        $"Core/Maintenance の方針の比較（期待値、割引率 {(p.Inputs.Rate * 100).ToString("0.##", CultureInfo.InvariantCulture)}%）。予防保全は初めの年に費用が集中することがある（費用の見通しの表）。");

    private static ReportTable Outlook(WorksPlanView p) => new("outlook", $"費用の見通し（{N(p.Inputs.OutlookYears)}年、期待値）",
        ["年度", "計画の方針（円）", "事後保全（円）"],
        [.. p.Result.Outlook.Select(o => (IReadOnlyList<ReportCell>)[new(N(o.Year)), Amount(o.Policy), Amount(o.Corrective)])]);

    private static string Grade(PlanResult r, int? grade) => grade is { } g && g >= 1 && g <= r.GradeLabels.Count ? r.GradeLabels[g - 1] : "点検記録なし";

    private static string Source(string s) => s.Length == 0 ? "一般財源" : s;

    private static ReportCell Amount(double yen) => new(null, Math.Round((decimal)yen, 0, MidpointRounding.AwayFromZero), 0);

    private static string Yen(double v) => Math.Round(v, 0, MidpointRounding.AwayFromZero).ToString("#,0", CultureInfo.InvariantCulture);

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
}
