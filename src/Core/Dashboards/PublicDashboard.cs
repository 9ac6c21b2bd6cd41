using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Indicators;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Dashboards;

/// <summary>
/// The public dashboards (見える化, no sign-in): every body's value of one indicator and year from the indicator store
/// (the 主要財政指標 as published, and the register figures tenants published), with their distribution; two
/// indicators side by side; one body's figures over the years compared with its 類似団体, prefecture and nation.
/// Only published figures are read: nothing here reaches a tenant's register.
/// </summary>
public static class PublicDashboard
{
    /// <summary>An indicator with data in the store: its definition, the source it comes from and its years (oldest first).</summary>
    public sealed record Choice(IndicatorDefinition Definition, StatisticsSource Source, IReadOnlyList<int> Years);

    /// <summary>One body's published value (null = blank, as published) with the names the publication gives.</summary>
    public sealed record Row(string Code, string Name, string PrefectureName, string? Group, string? Text)
    {
        public decimal? Value => PublicIndicators.Parse(Text);
    }

    /// <summary>Equal-width class of the distribution: [From, To), the last one closed.</summary>
    public sealed record Bin(decimal From, decimal To, int Count);

    public sealed record Ranking(Choice Indicator, int Year, string? Prefecture, IReadOnlyList<Row> Rows, Standing Summary, IReadOnlyList<Bin> Distribution);

    public sealed record Point(Row Body, decimal X, decimal Y);

    public sealed record Scatter(Choice X, Choice Y, int Year, string? Prefecture, IReadOnlyList<Point> Points);

    /// <summary>The indicators with data, the 主要財政指標 first, each in its definition order.</summary>
    public static async Task<List<Choice>> ChoicesAsync(AppDbContext db, CancellationToken ct)
    {
        var store = await PublicStore.GetAsync(db, ct);
        var order = IndicatorDefinition.Fiscal.Concat(IndicatorDefinition.Register).Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return [.. store.Values.Keys.GroupBy(k => (k.Indicator, k.Source))
            .Where(g => IndicatorDefinition.Find(g.Key.Indicator) is not null && store.Sources.ContainsKey(g.Key.Source))
            .OrderBy(g => order[g.Key.Indicator])
            .Select(g => new Choice(IndicatorDefinition.Find(g.Key.Indicator)!, store.Sources[g.Key.Source], [.. g.Select(k => k.Year).Order()]))];
    }

    /// <summary>A choice by indicator id and a year it has (null = its latest), or why not.</summary>
    public static Result<(Choice Choice, int Year)> Pick(IReadOnlyList<Choice> choices, string? indicator, int? year)
    {
        if (choices.Count == 0)
        {
            return Errors.NoData;
        }

        var choice = indicator is null ? choices[0] : choices.FirstOrDefault(c => c.Definition.Id == indicator);
        if (choice is null)
        {
            return Errors.UnknownIndicator(indicator!);
        }

        var y = year ?? choice.Years[^1];
        return choice.Years.Contains(y) ? (choice, y) : Indicators.Errors.FiscalYearOutOfData(y, choice.Years[0], choice.Years[^1]);
    }

    /// <summary>Every body's value for the year (optionally one prefecture's, by its 2-digit code), with the distribution.</summary>
    public static async Task<Ranking> RankingAsync(AppDbContext db, Choice choice, int year, string? prefecture, CancellationToken ct)
    {
        var rows = await RowsAsync(db, choice, year, prefecture, ct);
        var values = rows.Select(r => r.Value).OfType<decimal>().ToList();
        return new Ranking(choice, year, prefecture, rows, Standing.Of(null, values), Histogram(values));
    }

    /// <summary>The bodies with a value of both indicators in the year.</summary>
    public static async Task<Scatter> ScatterAsync(AppDbContext db, Choice x, Choice y, int year, string? prefecture, CancellationToken ct)
    {
        var ys = (await RowsAsync(db, y, year, prefecture, ct)).Where(r => r.Value is not null).ToDictionary(r => r.Code, r => r.Value!.Value, StringComparer.Ordinal);
        var points = (await RowsAsync(db, x, year, prefecture, ct))
            .Where(r => r.Value is not null && ys.ContainsKey(r.Code)).Select(r => new Point(r, r.Value!.Value, ys[r.Code])).ToList();
        return new Scatter(x, y, year, prefecture, points);
    }

    /// <summary>
    /// <paramref name="bins"/> equal-width classes from the smallest to the largest value (one class when all are equal);
    /// a value on a boundary belongs to the upper class, the largest to the last.
    /// </summary>
    public static List<Bin> Histogram(IReadOnlyList<decimal> values, int bins = 20)
    {
        if (values.Count == 0)
        {
            return [];
        }

        var (min, max) = (values.Min(), values.Max());
        if (min == max)
        {
            return [new Bin(min, max, values.Count)];
        }

        var width = (max - min) / bins;
        var counts = new int[bins];
        foreach (var v in values)
        {
            counts[Math.Min((int)((v - min) / width), bins - 1)]++;
        }

        return [.. counts.Select((c, i) => new Bin(min + (i * width), i == bins - 1 ? max : min + ((i + 1) * width), c))];
    }

    /// <summary>The register figures a body published: its latest year compared with the other publishers, and every year.</summary>
    public sealed record RegisterFigures(int Year, IReadOnlyList<PublicIndicators.Figure> Figures, IReadOnlyList<PublicIndicators.YearValues> Series, StatisticsSource Source);

    /// <summary>A body's public page; <paramref name="Plan"/> is the plan summary it published (個別施設計画の概要), if any.</summary>
    public sealed record BodyPage(Tenancy.LocalGovernment Body, PublicIndicators.BodyView? Fiscal, RegisterFigures? Register, Projection.ProjectionResult? Projection = null,
        Planning.PlanSummaryPublication.Published? Plan = null);

    /// <summary>A municipality's page: its 主要財政指標 of the year (null = latest) compared, and its published register figures.</summary>
    public static async Task<Result<BodyPage>> BodyAsync(AppDbContext db, Tenancy.LocalGovernment body, int? year, CancellationToken ct)
    {
        var fiscal = await PublicIndicators.ForBodyAsync(db, body.Code, year, ct);
        if (!fiscal.IsSuccess)
        {
            return fiscal.Error!;
        }

        var store = await PublicStore.GetAsync(db, ct);
        if (!store.Bodies.TryGetValue((RegisterPublication.SourceId, body.Code), out var published) || !store.Sources.TryGetValue(RegisterPublication.SourceId, out var source))
        {
            return new BodyPage(body, fiscal.Value, null, Plan: await Planning.PlanSummaryPublication.OfBodyAsync(db, body.Code, ct));
        }

        var latest = published.Keys.Max();
        var peers = await PublicIndicators.PeersAsync(db, store, body.Code, latest, ct);
        var own = published[latest];
        var figures = IndicatorDefinition.Register.Where(d => own.ContainsKey(d.Id))
            .Select(d => PublicIndicators.ComparePublished(store, RegisterPublication.SourceId, latest, d, body.Code, peers)).ToList();
        var series = published.Select(y => new PublicIndicators.YearValues(y.Key, y.Value)).ToList();
        // The projection published with the latest figures (computed at publication, ADR 0013); none for figures published before it was kept.
        var projection = store.Projections.TryGetValue(body.Code, out var p) && p.FiscalYear == latest ? p.Result : null;
        return new BodyPage(body, fiscal.Value, new RegisterFigures(latest, figures, series, source), projection,
            await Planning.PlanSummaryPublication.OfBodyAsync(db, body.Code, ct));
    }

    private static async Task<List<Row>> RowsAsync(AppDbContext db, Choice choice, int year, string? prefecture, CancellationToken ct)
    {
        var store = await PublicStore.GetAsync(db, ct);
        return [.. store.Of(choice.Source.Id, year, choice.Definition.Id).Where(v => prefecture is null || v.Code.StartsWith(prefecture, StringComparison.Ordinal))
            .Select(v => new Row(v.Code, v.BodyName, v.PrefectureName, store.GroupOf(v.Code, year)?.Group, v.Text))];
    }
}
