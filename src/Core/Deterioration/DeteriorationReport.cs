using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Deterioration;

/// <summary>The tables behind the deterioration pages, CLI and downloads: hazards, transition matrix, curve, forecast, grade distribution.</summary>
public static class DeteriorationReport
{
    /// <summary>Asset kinds by their CLI name (bridge, tunnel, road, sewer, …).</summary>
    public static readonly IReadOnlyDictionary<string, AssetKind> KindNames = new Dictionary<string, AssetKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["bridge"] = AssetKind.Bridge, ["tunnel"] = AssetKind.Tunnel, ["road"] = AssetKind.Road, ["pavement"] = AssetKind.Road,
        ["sewer"] = AssetKind.SewerPipe, ["water"] = AssetKind.WaterPipe, ["building"] = AssetKind.Building, ["park"] = AssetKind.Park, ["other"] = AssetKind.Other,
    };

    public static Table Hazards(DeteriorationModel model, GradeScheme? scheme = null)
    {
        var fit = model.Fit();
        scheme ??= SchemeOf(model);
        var hazards = fit.Hazards();
        var errors = fit.HazardStandardErrors();
        var chain = fit.Chain();
        var rows = hazards.Select((h, m) => (IReadOnlyList<TableCell>)
        [
            new(scheme.Label(m + 1)), Number(h, 4), Number(errors[m], 4), Number(1 / h, 2), Number(chain.ExpectedLife(m + 1), 2),
        ]).ToList();
        var covariates = fit.CovariateNames.Count == 0 ? "説明変数なし" : $"説明変数 {string.Join("、", fit.CovariateNames)} は点検ペアの平均値で評価";
        return new Table("hazards", "劣化ハザード（年あたり）と期待滞在年数",
            ["状態", "ハザード率 θ", "標準誤差", "期待滞在年数 1/θ", "最終状態までの期待年数"], rows,
            $"{model.Source}。点検ペア {fit.Pairs.ToString("N0", CultureInfo.InvariantCulture)} 組、対数尤度 {fit.LogLikelihood.ToString("F3", CultureInfo.InvariantCulture)}。{covariates}。標準誤差はフィッシャー情報量の逆行列から。");
    }

    public static Table Transition(DeteriorationModel model, double years, GradeScheme? scheme = null)
    {
        scheme ??= SchemeOf(model);
        var chain = model.Fit().Chain();
        var p = chain.Transition(years);
        var rows = Enumerable.Range(0, chain.States).Select(i => (IReadOnlyList<TableCell>)
            [new(scheme.Label(i + 1)), .. Enumerable.Range(0, chain.States).Select(j => Number(p[i, j], 4))]).ToList();
        return new Table("transition", $"推移確率行列（{years.ToString("0.##", CultureInfo.InvariantCulture)}年）",
            ["現在の状態＼推移後", .. Enumerable.Range(1, chain.States).Select(scheme.Label)], rows,
            "行列指数関数 expm(Qz) による。行の和は1。");
    }

    /// <summary>From the best state: the probability of each state and the expected level, year by year (the deterioration curve).</summary>
    public static Table Curve(DeteriorationModel model, int years, GradeScheme? scheme = null)
    {
        scheme ??= SchemeOf(model);
        var chain = model.Fit().Chain();
        var start = new double[chain.States];
        start[0] = 1;
        var rows = new List<IReadOnlyList<TableCell>>();
        for (var y = 0; y <= years; y++)
        {
            var d = chain.Forecast(start, y);
            rows.Add([Number(y, 0), Number(d.Select((v, i) => v * (i + 1)).Sum(), 3), .. d.Select(v => Number(v, 4))]);
        }

        return new Table("curve", "劣化曲線（最良の状態から、補修なし）",
            ["経過年数", "期待される状態（1＝最良）", .. Enumerable.Range(1, chain.States).Select(i => $"{scheme.Label(i)} の確率")], rows,
            $"最良の状態から最終状態までの期待年数 {chain.ExpectedLife().ToString("F1", CultureInfo.InvariantCulture)} 年。");
    }

    /// <summary>The stock forecast; <paramref name="assumption"/> (e.g. 補修なし, 現状の補修実績) goes into the title and <paramref name="note"/> says it in full.</summary>
    public static Table Forecast(DeteriorationModel model, IReadOnlyList<(int Year, double[] Facilities)> forecast, int baseYear, GradeScheme? scheme = null,
        string assumption = "補修なし", string? note = null)
    {
        scheme ??= SchemeOf(model);
        var rows = forecast.Select(f => (IReadOnlyList<TableCell>)
            [Number(baseYear + f.Year, 0), .. f.Facilities.Select(v => Number(v, 1))]).ToList();
        return new Table("forecast", $"健全性の予測（施設数の期待値、前提: {assumption}）",
            ["年", .. Enumerable.Range(1, scheme.Levels.Count).Select(scheme.Label)], rows,
            $"前提: {note ?? assumption}。各施設の最新の判定区分（部材のみの記録は最も悪い部材の区分: 未検証の集計規則）から、1年ごとの推移確率で予測。");
    }

    public static Table Distribution(IReadOnlyList<(AssetKind Kind, GradeScheme Scheme, int[] Counts)> distribution)
    {
        var width = distribution.Count == 0 ? 4 : distribution.Max(d => d.Counts.Length);
        var rows = distribution.Select(d => (IReadOnlyList<TableCell>)
        [
            new(FacilityRegister.KindLabel(d.Kind)), new(d.Scheme.Name),
            .. Enumerable.Range(0, width).Select(i => i < d.Counts.Length ? Number(d.Counts[i], 0) : new TableCell(null)),
            Number(d.Counts.Sum(), 0),
        ]).ToList();
        return new Table("distribution", "判定区分の分布（各施設の最新の点検）",
            ["資産種別", "区分の体系", .. Enumerable.Range(1, width).Select(i => i == 1 ? "区分1（最良）" : $"区分{i}"), "施設数"], rows,
            "部材のみの記録は最も悪い部材の区分で集計（未検証の集計規則）。区分の番号は最良＝1。");
    }

    /// <summary>The model's scale when it is a national one; a tenant's own scale is passed in by the caller (<see cref="GradeScales.ByCode"/>).</summary>
    public static GradeScheme SchemeOf(DeteriorationModel model) =>
        GradeScheme.All.FirstOrDefault(s => s.Code == model.Scheme) ?? GradeScheme.For(model.Kind);

    /// <summary>The scale of a stored model for its tables: the tenant's scale of that code, else a national one, else plain level numbers.</summary>
    public static GradeScheme SchemeOf(DeteriorationModel model, GradeScales scales)
    {
        var states = model.Fit().States;
        return scales.ByCode(model.Scheme) is { } s && s.Levels.Count == states ? s
            : SchemeOf(model) is { } n && n.Levels.Count == states ? n
            : new GradeScheme(model.Scheme, model.Scheme, [.. Enumerable.Range(1, states).Select(i => $"区分{i}")]);
    }

    private static TableCell Number(double v, int decimals) => new(null, Math.Round((decimal)v, decimals), decimals);
}
