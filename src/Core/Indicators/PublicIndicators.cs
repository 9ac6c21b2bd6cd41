using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Indicators;

/// <summary>
/// The published 主要財政指標 of one body: the values of a fiscal year with the body's standing among its
/// 類似団体, its prefecture's bodies and all bodies, and the series over every loaded year. Public data: no tenant.
/// </summary>
public static class PublicIndicators
{
    public sealed record Figure(IndicatorDefinition Definition, string? Text, Standing SimilarGroup, Standing Prefecture, Standing Nation)
    {
        public decimal? Value => Parse(Text);
    }

    public sealed record BodyView(
        string Code, string? BodyName, int FiscalYear, int FirstYear, int LastYear, SimilarGroupAssignment? SimilarGroup,
        IReadOnlyList<Figure> Figures, IReadOnlyList<YearValues> Series, StatisticsSource Source);

    /// <summary>One fiscal year of the series: the published text per indicator id (null = blank).</summary>
    public sealed record YearValues(int FiscalYear, IReadOnlyDictionary<string, string?> Texts);

    /// <summary>The fiscal years of the 主要財政指標 loaded, oldest first (empty when nothing is loaded).</summary>
    public static async Task<IReadOnlyList<int>> YearsAsync(AppDbContext db, CancellationToken ct) =>
        (await PublicStore.GetAsync(db, ct)).Years(FiscalIndicatorImport.SourceId);

    /// <summary>The body's figures for <c>fiscalYear</c> (null = the latest loaded year); null when nothing is loaded.</summary>
    public static async Task<Result<BodyView?>> ForBodyAsync(AppDbContext db, string code, int? fiscalYear, CancellationToken ct)
    {
        var store = await PublicStore.GetAsync(db, ct);
        var years = store.Years(FiscalIndicatorImport.SourceId);
        if (years.Count == 0 || !store.Sources.TryGetValue(FiscalIndicatorImport.SourceId, out var source))
        {
            return Result<BodyView?>.Ok(null);
        }

        var year = fiscalYear ?? years[^1];
        if (!years.Contains(year))
        {
            return Errors.FiscalYearOutOfData(year, years[0], years[^1]);
        }

        var peers = await PeersAsync(db, store, code, year, ct);
        var figures = IndicatorDefinition.Fiscal.Select(d => ComparePublished(store, FiscalIndicatorImport.SourceId, year, d, code, peers)).ToList();

        var series = store.Bodies.TryGetValue((FiscalIndicatorImport.SourceId, code), out var own)
            ? own.Select(y => new YearValues(y.Key, y.Value)).ToList() : [];
        var name = Array.Find(store.Of(FiscalIndicatorImport.SourceId, year, IndicatorDefinition.Fiscal[0].Id), v => v.Code == code)?.BodyName;
        return new BodyView(code, name, year, years[0], years[^1], peers.Group, figures, series, source);
    }

    /// <summary>
    /// Whom a body is compared with in a fiscal year: its 類似団体 are the bodies with the same group in the assignments
    /// of the year the body's group was loaded for (that year or the latest earlier one). A group estimated for the tenant
    /// itself names the group but has no peers (theirs are not known).
    /// </summary>
    public sealed record Peers(SimilarGroupAssignment? Group, IReadOnlySet<string> SimilarCodes);

    public static async Task<Peers> PeersAsync(AppDbContext db, PublicStore.Snapshot store, string code, int year, CancellationToken ct) =>
        store.GroupOf(code, year) is { } group ? new Peers(group, store.Members(group.FiscalYear, group.Group))
            : new Peers(await EstimatedGroupAsync(db, code, year, ct), new HashSet<string>());

    /// <summary>
    /// The body's published figure and its standing among the published values of the same source and year (the same as
    /// <see cref="Compare"/> with the body's own published value, from the store's sorted values).
    /// </summary>
    public static Figure ComparePublished(PublicStore.Snapshot store, string source, int year, IndicatorDefinition definition, string code, Peers peers)
    {
        var text = Array.Find(store.Of(source, year, definition.Id), v => v.Code == code)?.Text;
        Standing In(string scope, Func<string, bool> member)
        {
            var (sorted, sum) = store.Sorted(source, year, definition.Id, scope, member);
            return Standing.OfSorted(Parse(text), sorted, sum);
        }

        return new Figure(definition, text,
            peers.SimilarCodes.Count == 0 || peers.Group is null ? Standing.None : In($"group:{peers.Group.FiscalYear}:{peers.Group.Group}", peers.SimilarCodes.Contains),
            In(code[..2], c => c.StartsWith(code[..2], StringComparison.Ordinal)),
            In("", _ => true));
    }

    /// <summary>
    /// The body's figure and standing among <paramref name="values"/> (every body's text for the indicator and year; the
    /// body's own entry, if any, is replaced by <paramref name="ownText"/>): its 類似団体, its prefecture (the first two
    /// digits of the code) and all bodies.
    /// </summary>
    public static Figure Compare(IndicatorDefinition definition, string code, string? ownText, IEnumerable<(string Code, decimal? Value)> values, Peers peers)
    {
        var others = values.Where(v => v.Code != code && v.Value is not null).ToList();
        var own = Parse(ownText);
        List<decimal> Numbers(Func<string, bool> member) =>
            [.. others.Where(v => member(v.Code)).Select(v => v.Value!.Value), .. own is { } o ? [o] : Array.Empty<decimal>()];
        return new Figure(definition, ownText,
            peers.SimilarCodes.Count == 0 ? Standing.None : Standing.Of(own, Numbers(peers.SimilarCodes.Contains)),
            Standing.Of(own, Numbers(c => c[..2] == code[..2])),
            Standing.Of(own, Numbers(_ => true)));
    }

    /// <summary>
    /// For the tenant itself with no loaded group: the group estimated from its population and industry shares, labelled
    /// as an estimate; it names the group but gives no peers to compare with (their groups are not known).
    /// </summary>
    private static async Task<SimilarGroupAssignment?> EstimatedGroupAsync(AppDbContext db, string code, int year, CancellationToken ct)
    {
        if (db.Scope.TenantId != code || await Populations.ForYearAsync(db, year, ct) is not { } population
            || await db.LocalGovernments.AsNoTracking().SingleOrDefaultAsync(l => l.Code == code, ct) is not { } body
            || SimilarGroups.Estimate(body.Kind, population.Population, population.SecondaryIndustryShare, population.TertiaryIndustryShare) is not { } estimate)
        {
            return null;
        }

        return new SimilarGroupAssignment { Code = code, FiscalYear = population.FiscalYear, Group = estimate, SourceId = SimilarGroups.EstimatedSourceId };
    }

    /// <summary>A published text as a number (null for blank); the store only holds texts that parse.</summary>
    public static decimal? Parse(string? text) =>
        text is null ? null : decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
