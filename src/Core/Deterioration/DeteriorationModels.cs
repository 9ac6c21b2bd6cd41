using System.Text.Json;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Deterioration;

/// <summary>The current tenant's deterioration models: fit from inspections (its own, or pooled over a wide-area group it belongs to), import, read, forecast.</summary>
public static partial class DeteriorationModels
{
    /// <summary>Covariates the register can give each pair, each normalised to about 1 (domain doc §8).</summary>
    public static readonly IReadOnlyList<string> Covariates = ["age", "length", "width"];

    public static Task<DeteriorationModel?> FindAsync(AppDbContext db, AssetKind kind, CancellationToken ct) =>
        db.DeteriorationModels.AsNoTracking().SingleOrDefaultAsync(m => m.Kind == kind, ct);

    public static Task<List<DeteriorationModel>> ListAsync(AppDbContext db, CancellationToken ct) =>
        db.DeteriorationModels.AsNoTracking().OrderBy(m => m.Kind).ToListAsync(ct);

    /// <summary>
    /// Fits the model of <paramref name="kind"/> from the tenant's inspections (or, with <paramref name="groupId"/>, from
    /// those of every member of a wide-area group the tenant belongs to) and stores it as the tenant's model of that kind.
    /// </summary>
    public static async Task<Result<DeteriorationModel>> FitAsync(AppDbContext db, AssetKind kind, IReadOnlyList<string> covariates, long? groupId, DateTime nowUtc, CancellationToken ct)
    {
        foreach (var c in covariates.Where(c => !Covariates.Contains(c)))
        {
            return Errors.CovariateUnknown(c, Covariates);
        }

        var source = "自団体の点検から推定";
        var scheme = (await GradeScales.LoadAsync(db, ct)).For(kind);
        List<(IQueryable<Inspection> I, IQueryable<MaintenanceWork> W, IQueryable<Facility> F, string Scheme)> sets = [(db.Inspections, db.MaintenanceWorks, db.Facilities, scheme.Code)];
        if (groupId is { } id)
        {
            var group = (await Projection.Projections.GroupsAsync(db, ct)).FirstOrDefault(g => g.Id == id);
            if (group is null)
            {
                return Errors.GroupNotFound(id);
            }

            // The membership was checked just above: only then are the members' records read (CrossTenant). Pooling needs
            // the same states everywhere: each member's scale for the kind must have our levels (its code may differ).
            sets = [];
            foreach (var member in group.Members.OrderBy(m => m.MemberCode, StringComparer.Ordinal))
            {
                var theirs = member.MemberCode == db.Scope.TenantId ? scheme
                    : GradeScales.Of(await CrossTenant.GradeScaleSettingsOfGroupMemberAsync(db, member.MemberCode, ct)).For(kind);
                if (!theirs.Levels.SequenceEqual(scheme.Levels))
                {
                    return Errors.GroupScalesDiffer(member.MemberCode, theirs.Name, scheme.Name);
                }

                sets.Add((CrossTenant.InspectionsOfGroupMember(db, member.MemberCode), CrossTenant.WorksOfGroupMember(db, member.MemberCode),
                    CrossTenant.FacilitiesOfGroupMember(db, member.MemberCode), theirs.Code));
            }

            source = $"広域グループ「{group.Name}」の{group.Members.Count}団体の点検から共同推定";
        }

        var pairs = new List<InspectionPair>();
        foreach (var (inspections, works, facilities, code) in sets)
        {
            pairs.AddRange(await PairsAsync(inspections, works, facilities, kind, code, covariates, ct));
        }

        if (pairs.Count == 0)
        {
            return Errors.NoPairs;
        }

        var fit = HazardEstimator.Fit(Normalised(pairs), scheme.Levels.Count, covariates);
        return fit.IsSuccess ? await StoreAsync(db, kind, scheme, fit.Value, source, groupId, nowUtc, ct) : fit.Error!;
    }

    /// <summary>A model file (the JSON of <see cref="Export"/>, e.g. shared by another body or a consultant) stored as the tenant's model of <paramref name="kind"/>.</summary>
    public static async Task<Result<DeteriorationModel>> ImportAsync(AppDbContext db, AssetKind kind, string json, string fileName, DateTime nowUtc, CancellationToken ct)
    {
        HazardFit fit;
        try
        {
            fit = DeteriorationModel.FromJson(json);
        }
        catch (JsonException e)
        {
            return Errors.ModelFileInvalid(e.Message);
        }

        var scheme = (await GradeScales.LoadAsync(db, ct)).For(kind);
        return fit.States != scheme.Levels.Count
            ? Errors.ModelFileInvalid($"状態の数 {fit.States} が{scheme.Name}の区分の数 {scheme.Levels.Count} と合いません。")
            : await StoreAsync(db, kind, scheme, fit, $"取込: {Path.GetFileName(fileName)}", null, nowUtc, ct);
    }

    public static string Export(DeteriorationModel model) => model.Parameters;

    /// <summary>
    /// The tenant's stock of the model's kind by latest grade now, then year by year under the model (no works):
    /// expected number of facilities per level.
    /// </summary>
    public static async Task<List<(int Year, double[] Facilities)>> ForecastAsync(AppDbContext db, DeteriorationModel model, int years, CancellationToken ct)
    {
        // Latest grades are on the kind's current scale: a model of another scale (reassigned since) forecasts no stock.
        var current = (await GradeScales.LoadAsync(db, ct)).For(model.Kind).Code == model.Scheme;
        var latest = (await Inspections.InspectionRecords.LatestGradesAsync(db, ct)).Where(x => current && x.Kind == model.Kind).ToList();
        var chain = model.Fit().Chain();
        var now = new double[chain.States];
        foreach (var x in latest)
        {
            now[Math.Min(x.Grade, chain.States) - 1]++;
        }

        var step = chain.Transition(1);
        var result = new List<(int, double[])> { (0, now) };
        for (var y = 1; y <= years; y++)
        {
            var previous = result[^1].Item2;
            var next = new double[chain.States];
            for (var i = 0; i < chain.States; i++)
            {
                for (var j = i; j < chain.States; j++)
                {
                    next[j] += previous[i] * step[i, j];
                }
            }

            result.Add((y, next));
        }

        return result;
    }

    private static async Task<Result<DeteriorationModel>> StoreAsync(AppDbContext db, AssetKind kind, GradeScheme scheme, HazardFit fit, string source, long? groupId, DateTime nowUtc, CancellationToken ct)
    {
        var existing = await db.DeteriorationModels.SingleOrDefaultAsync(m => m.Kind == kind, ct);
        if (existing is null)
        {
            existing = new DeteriorationModel { TenantId = db.Scope.TenantId!, Kind = kind, Scheme = scheme.Code, Source = source, Parameters = "" };
            db.DeteriorationModels.Add(existing);
        }

        existing.Scheme = scheme.Code;
        existing.Source = source;
        existing.GroupId = groupId;
        existing.Parameters = DeteriorationModel.ToJson(fit);
        existing.FittedAtUtc = nowUtc;
        await db.SaveChangesAsync(ct);
        return existing;
    }

    private static async Task<List<InspectionPair>> PairsAsync(IQueryable<Inspection> inspections, IQueryable<MaintenanceWork> works, IQueryable<Facility> facilities,
        AssetKind kind, string scheme, IReadOnlyList<string> covariates, CancellationToken ct)
    {
        var ofKind = await facilities.AsNoTracking().Where(f => f.Kind == kind)
            .Select(f => new { f.Code, f.YearBuilt, f.Quantity, f.Width }).ToDictionaryAsync(f => f.Code, StringComparer.Ordinal, ct);
        var codes = ofKind.Keys.ToList();
        var observations = await inspections.AsNoTracking().Where(i => codes.Contains(i.FacilityCode) && i.Scheme == scheme)
            .Select(i => new PairBuilder.Observation(i.FacilityCode, i.Member, i.InspectedOn, i.Grade)).ToListAsync(ct);
        var done = await works.AsNoTracking().Where(w => codes.Contains(w.FacilityCode))
            .Select(w => new PairBuilder.Work(w.FacilityCode, w.Member, w.CompletedOn, w.GradeAfter)).ToListAsync(ct);
        var result = new List<InspectionPair>();
        foreach (var built in PairBuilder.Build(observations, done))
        {
            var f = ofKind[built.FacilityCode];
            var x = covariates.Select(c => c switch
            {
                "age" => f.YearBuilt is { } y ? (double?)Math.Max(0, built.Start.Year - y) : null,
                "length" => (double?)f.Quantity,
                _ => (double?)f.Width,
            }).ToList();
            if (x.All(v => v is not null))
            {
                result.Add(built.Pair with { Covariates = covariates.Count == 0 ? null : [.. x.Select(v => v!.Value)] });
            }
        }

        return result;
    }

    /// <summary>Each covariate divided by its largest absolute value over the pairs (domain doc §8: scale covariates to about 1).</summary>
    private static List<InspectionPair> Normalised(List<InspectionPair> pairs)
    {
        if (pairs.Count == 0 || pairs[0].Covariates is not { Count: > 0 } first)
        {
            return pairs;
        }

        var max = new double[first.Count];
        foreach (var p in pairs)
        {
            for (var k = 0; k < max.Length; k++)
            {
                max[k] = Math.Max(max[k], Math.Abs(p.Covariates![k]));
            }
        }

        return [.. pairs.Select(p => p with { Covariates = [.. p.Covariates!.Select((v, k) => max[k] > 0 ? v / max[k] : v)] })];
    }
}
