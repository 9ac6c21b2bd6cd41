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
        var keys = await db.PublicIndicatorValues.Select(v => new { v.Indicator, v.SourceId, v.FiscalYear }).Distinct().ToListAsync(ct);
        var sources = await db.StatisticsSources.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var order = IndicatorDefinition.Fiscal.Concat(IndicatorDefinition.Register).Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return [.. keys.GroupBy(k => (k.Indicator, k.SourceId))
            .Where(g => IndicatorDefinition.Find(g.Key.Indicator) is not null && sources.ContainsKey(g.Key.SourceId))
            .OrderBy(g => order[g.Key.Indicator])
            .Select(g => new Choice(IndicatorDefinition.Find(g.Key.Indicator)!, sources[g.Key.SourceId], [.. g.Select(k => k.FiscalYear).Order()]))];
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

    public sealed record BodyPage(Tenancy.LocalGovernment Body, PublicIndicators.BodyView? Fiscal, RegisterFigures? Register);

    /// <summary>A municipality's page: its 主要財政指標 of the year (null = latest) compared, and its published register figures.</summary>
    public static async Task<Result<BodyPage>> BodyAsync(AppDbContext db, Tenancy.LocalGovernment body, int? year, CancellationToken ct)
    {
        var fiscal = await PublicIndicators.ForBodyAsync(db, body.Code, year, ct);
        if (!fiscal.IsSuccess)
        {
            return fiscal.Error!;
        }

        var published = await db.PublicIndicatorValues.AsNoTracking().Where(v => v.SourceId == RegisterPublication.SourceId && v.Code == body.Code)
            .Select(v => new { v.FiscalYear, v.Indicator, v.Text }).ToListAsync(ct);
        if (published.Count == 0 || await db.StatisticsSources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == RegisterPublication.SourceId, ct) is not { } source)
        {
            return new BodyPage(body, fiscal.Value, null);
        }

        var latest = published.Max(v => v.FiscalYear);
        var others = await db.PublicIndicatorValues.AsNoTracking().Where(v => v.SourceId == RegisterPublication.SourceId && v.FiscalYear == latest)
            .Select(v => new { v.Code, v.Indicator, v.Text }).ToListAsync(ct);
        var peers = await PublicIndicators.PeersAsync(db, body.Code, latest, ct);
        var byIndicator = others.ToLookup(v => v.Indicator, v => (v.Code, v.Text), StringComparer.Ordinal);
        var own = published.Where(v => v.FiscalYear == latest).ToDictionary(v => v.Indicator, v => v.Text, StringComparer.Ordinal);
        var figures = IndicatorDefinition.Register.Where(d => own.ContainsKey(d.Id))
            .Select(d => PublicIndicators.Compare(d, body.Code, own[d.Id], byIndicator[d.Id], peers)).ToList();
        var series = published.GroupBy(v => v.FiscalYear).OrderBy(g => g.Key)
            .Select(g => new PublicIndicators.YearValues(g.Key, g.ToDictionary(v => v.Indicator, v => v.Text, StringComparer.Ordinal))).ToList();
        return new BodyPage(body, fiscal.Value, new RegisterFigures(latest, figures, series, source));
    }

    private static async Task<List<Row>> RowsAsync(AppDbContext db, Choice choice, int year, string? prefecture, CancellationToken ct)
    {
        var id = choice.Definition.Id;
        var query = db.PublicIndicatorValues.AsNoTracking().Where(v => v.Indicator == id && v.SourceId == choice.Source.Id && v.FiscalYear == year);
        if (prefecture is not null)
        {
            query = query.Where(v => v.Code.StartsWith(prefecture));
        }

        var values = await query.OrderBy(v => v.Code).Select(v => new { v.Code, v.BodyName, v.PrefectureName, v.Text }).ToListAsync(ct);
        var groups = await GroupsAsync(db, year, ct);
        return [.. values.Select(v => new Row(v.Code, v.BodyName, v.PrefectureName, groups.GetValueOrDefault(v.Code), v.Text))];
    }

    /// <summary>Each body's 類似団体区分 for the year: the year's, or the latest loaded earlier one.</summary>
    private static async Task<Dictionary<string, string>> GroupsAsync(AppDbContext db, int year, CancellationToken ct) =>
        (await db.SimilarGroups.AsNoTracking().Where(g => g.FiscalYear <= year).Select(g => new { g.Code, g.FiscalYear, g.Group }).ToListAsync(ct))
            .GroupBy(g => g.Code).ToDictionary(g => g.Key, g => g.MaxBy(x => x.FiscalYear)!.Group, StringComparer.Ordinal);
}
