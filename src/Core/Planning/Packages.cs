using System.Globalization;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Planning;

/// <summary>One member's part of a package: its works, their count and cost.</summary>
public sealed record PackageShare(string Member, int Count, decimal Cost);

/// <summary>
/// Works bundled for one contract (包括的民間委託 / 共同発注): one year, one asset kind, one area (ADR 0025). The id is
/// <c>{year}-{kind}-{area}</c>, the same whenever the same works are bundled; the totals are sums of the works.
/// </summary>
public sealed record WorkPackage(string Id, int Year, AssetKind Kind, string Area, IReadOnlyList<GroupWork> Works, IReadOnlyList<PackageShare> Shares)
{
    public int Count => Works.Count;

    public decimal Cost => Works.Sum(w => w.Candidate.Cost);

    /// <summary>The member bodies with works in the package, by code.</summary>
    public IReadOnlyList<string> Members => [.. Shares.Select(s => s.Member)];
}

/// <summary>Bundles a group plan's works into packages by year, asset kind and area.</summary>
public static class Packages
{
    /// <summary>
    /// One package per (year, kind, area) that has works, ordered by year, kind and area; works inside by member, facility
    /// and treatment, shares by member code. Deterministic: the order of <paramref name="works"/> does not matter.
    /// </summary>
    public static IReadOnlyList<WorkPackage> Bundle(IEnumerable<GroupWork> works) =>
        [.. works.GroupBy(w => (w.Candidate.Year, w.Kind, w.Area))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Kind).ThenBy(g => g.Key.Area, StringComparer.Ordinal)
            .Select(g =>
            {
                var inside = g.OrderBy(w => w.Member, StringComparer.Ordinal).ThenBy(w => w.Candidate.Facility, StringComparer.Ordinal)
                    .ThenBy(w => w.Candidate.Treatment, StringComparer.Ordinal).ThenBy(w => w.Candidate.Source, StringComparer.Ordinal).ToList();
                var shares = inside.GroupBy(w => w.Member).Select(m => new PackageShare(m.Key, m.Count(), m.Sum(w => w.Candidate.Cost))).ToList();
                return new WorkPackage(Id(g.Key.Year, g.Key.Kind, g.Key.Area), g.Key.Year, g.Key.Kind, g.Key.Area, inside, shares);
            })];

    /// <summary>The package id: <c>2027-Bridge-M533946</c>.</summary>
    public static string Id(int year, AssetKind kind, string area) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}-{kind}-{area}");
}
