using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Maintenance;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Planning;

/// <summary>
/// How a group plan is built: plan years <c>FirstYear … FirstYear + Years − 1</c>, the discount rate, the policy that
/// proposes the treatments (null: each kind's first state-based policy) and the mesh level of package areas.
/// </summary>
public sealed record GroupPlanOptions(int FirstYear, int Years, string? Policy = null, double Rate = 0.04, PackageArea.Level Mesh = PackageArea.Level.Second);

/// <summary>A facility of a member that gives no candidate, and why.</summary>
public sealed record GroupSkip(string Member, string Facility, AssetKind Kind, string Reason);

/// <summary>A group's candidates: for each kind planned, where its model comes from; the candidates; the facilities skipped.</summary>
public sealed record GroupCandidateSet(
    WideAreaGroup Group, string? Admin, IReadOnlyList<string> Members, IReadOnlyList<(AssetKind Kind, string Model)> Kinds,
    IReadOnlyList<GroupCandidate> Candidates, IReadOnlyList<GroupSkip> Skipped);

/// <summary>
/// The candidates of every member's facilities (ADR 0025): per asset kind, the group's pooled deterioration model (fitted
/// over the group by any member still in it) and the running body's treatment library; for each member facility in
/// service its latest grade on the member's own scale, priced and valued by <see cref="CandidateBuilder"/>. Members'
/// rows are read through <see cref="CrossTenant"/> only after the running body's membership is checked. Internal: the
/// set holds every member's facilities; callers get it through <see cref="GroupPlans.CandidatesAsync"/>, filtered.
/// </summary>
public static class GroupCandidates
{
    internal static async Task<Result<GroupCandidateSet>> BuildAsync(AppDbContext db, long groupId, GroupPlanOptions options, CancellationToken ct)
    {
        if (options.Years is < 1 or > 50)
        {
            return Errors.PlanOptionInvalid("計画期間（年）", options.Years.ToString(CultureInfo.InvariantCulture));
        }

        if (options.FirstYear is < 1950 or > 2200)
        {
            return Errors.PlanOptionInvalid("初年度", options.FirstYear.ToString(CultureInfo.InvariantCulture));
        }

        if (!(options.Rate > 0 && options.Rate <= 1))
        {
            return Errors.PlanOptionInvalid("割引率", options.Rate.ToString(CultureInfo.InvariantCulture));
        }

        var group = (await Projection.Projections.GroupsAsync(db, ct)).FirstOrDefault(g => g.Id == groupId);
        if (group is null)
        {
            return Errors.GroupPlanNotFound(groupId);
        }

        var members = group.Members.Select(m => m.MemberCode).Order(StringComparer.Ordinal).ToList();
        var admin = group.Members.Where(m => m.IsAdmin).Select(m => m.MemberCode).Order(StringComparer.Ordinal).FirstOrDefault();
        var models = await ModelsAsync(db, groupId, ct);
        var kinds = new List<(AssetKind, string)>();
        var candidates = new List<GroupCandidate>();
        var skipped = new List<GroupSkip>();
        var ownScales = await GradeScales.LoadAsync(db, ct);
        foreach (var (kind, model) in models.OrderBy(m => m.Key))
        {
            if (await Libraries.LoadAsync(db, kind, ct) is not { } library || model.Fit().States != library.Library.Levels)
            {
                continue;
            }

            var policy = options.Policy is null
                ? library.Library.Policies.FirstOrDefault(p => p.Type != PolicyType.Age)
                : library.Library.Policy(options.Policy);
            if (policy is null)
            {
                if (options.Policy is null)
                {
                    continue;
                }

                return Errors.PolicyUnknown(FacilityRegister.KindLabel(kind), options.Policy);
            }

            kinds.Add((kind, model.Source));
            var oneYear = model.Fit().Chain().Transition(1);
            foreach (var member in members)
            {
                var scheme = member == db.Scope.TenantId ? ownScales.For(kind)
                    : GradeScales.Of(await CrossTenant.GradeScaleSettingsOfGroupMemberAsync(db, member, ct)).For(kind);
                var stock = await StockAsync(db, member, kind, scheme, options.FirstYear, ct);
                foreach (var (item, lat, lon) in stock)
                {
                    if (scheme.Levels.Count != library.Library.Levels)
                    {
                        skipped.Add(new GroupSkip(member, item.Code, kind, $"{scheme.Name}の区分の数が対策ライブラリと合わない"));
                        continue;
                    }

                    var (proposed, skip) = CandidateBuilder.For(oneYear, library.Library, policy, item, options.Years, options.Rate, options.FirstYear);
                    if (skip is not null)
                    {
                        skipped.Add(new GroupSkip(member, item.Code, kind, skip));
                    }

                    var area = PackageArea.Of(member, lat, lon, options.Mesh);
                    candidates.AddRange(proposed.Select(p => new GroupCandidate(member, p.Candidate, kind, area)));
                }
            }
        }

        return kinds.Count == 0 ? Errors.GroupNoKind(group.Name) : new GroupCandidateSet(group, admin, members, kinds, candidates, skipped);
    }

    /// <summary>The group's pooled model of each kind: the running body's own if it fitted one over this group, else another member's (the latest fitted).</summary>
    private static async Task<Dictionary<AssetKind, DeteriorationModel>> ModelsAsync(AppDbContext db, long groupId, CancellationToken ct)
    {
        var result = (await DeteriorationModels.PooledModelsAsync(db, ct)).Select(p => p.Model).Where(m => m.GroupId == groupId)
            .GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.FittedAtUtc).ThenBy(m => m.TenantId, StringComparer.Ordinal).First());
        foreach (var own in await db.DeteriorationModels.AsNoTracking().Where(m => m.GroupId == groupId).ToListAsync(ct))
        {
            result[own.Kind] = own;
        }

        return result;
    }

    /// <summary>
    /// A member's facilities of a kind in service with their latest grade on <paramref name="scheme"/> (the rule of
    /// InspectionRecords.LatestGradesAsync: the whole-facility record of the latest date, else its worst member grade),
    /// measures as MaintenancePlanning.StockAsync reads them, and coordinates.
    /// </summary>
    private static async Task<List<(StockItem Item, double? Lat, double? Lon)>> StockAsync(AppDbContext db, string member, AssetKind kind, GradeScheme scheme, int baseYear, CancellationToken ct)
    {
        var inService = CrossTenant.FacilitiesOfGroupMember(db, member).AsNoTracking().Where(f => f.Kind == kind && f.Status == FacilityStatus.InService);
        var facilities = await inService.OrderBy(f => f.Code)
            .Select(f => new { f.Code, f.Quantity, f.QuantityKind, f.Width, f.Diameter, f.YearBuilt, f.Latitude, f.Longitude }).ToListAsync(ct);
        // A subquery, not a list of codes: a member may have tens of thousands of facilities of a kind.
        var codes = inService.Select(f => f.Code);
        var records = await CrossTenant.InspectionsOfGroupMember(db, member).AsNoTracking().Where(i => i.Scheme == scheme.Code && codes.Contains(i.FacilityCode))
            .Select(i => new { i.FacilityCode, i.Member, i.InspectedOn, i.Grade }).ToListAsync(ct);
        var grades = records.GroupBy(r => r.FacilityCode).ToDictionary(g => g.Key, g =>
        {
            var date = g.Max(r => r.InspectedOn);
            var ofDate = g.Where(r => r.InspectedOn == date).ToList();
            var whole = ofDate.Where(r => r.Member.Length == 0).ToList();
            return (whole.Count > 0 ? whole : ofDate).Max(r => r.Grade);
        }, StringComparer.Ordinal);
        return [.. facilities.Select(f => (new StockItem(
            f.Code,
            grades.TryGetValue(f.Code, out var g) ? g : null,
            f.YearBuilt is { } y ? baseYear - y : null,
            f.QuantityKind is QuantityKind.Area or QuantityKind.FloorArea ? (double?)f.Quantity
                : f.QuantityKind == QuantityKind.Length && f.Width is { } w ? (double?)(f.Quantity * w) : null,
            f.QuantityKind == QuantityKind.Length ? (double?)f.Quantity : null,
            f.Diameter), f.Latitude, f.Longitude))];
    }
}
