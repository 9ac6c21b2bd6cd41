using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Deterioration;

/// <summary>
/// The pooled models of the wide-area groups the tenant belongs to, read where the member that fitted them stored them
/// (<see cref="CrossTenant.PooledModelsOfGroupsOfAsync"/>), and their adoption: the member copies one into its own data,
/// written by itself in its own scope (ADR 0015; never by the member that fitted it).
/// </summary>
public static partial class DeteriorationModels
{
    /// <summary>A pooled model of a group the tenant belongs to, fitted by another member.</summary>
    /// <param name="Model">The row as the fitting member stored it.</param>
    /// <param name="GroupName">The wide-area group's name.</param>
    /// <param name="FittedByName">The name of the member that fitted it (<see cref="DeteriorationModel.TenantId"/> is its code).</param>
    /// <param name="States">Its number of states: it can be adopted for a kind graded on that many levels only.</param>
    public sealed record PooledModel(DeteriorationModel Model, string GroupName, string FittedByName, int States);

    /// <summary>The pooled models the tenant may read and adopt; nothing for a tenant in no group.</summary>
    public static async Task<List<PooledModel>> PooledModelsAsync(AppDbContext db, CancellationToken ct)
    {
        var models = await CrossTenant.PooledModelsOfGroupsOfAsync(db, ct);
        if (models.Count == 0)
        {
            return [];
        }

        var groups = (await Projection.Projections.GroupsAsync(db, ct)).ToDictionary(g => g.Id, g => g.Name);
        var codes = models.Select(m => m.TenantId).Distinct().ToList();
        var names = await db.LocalGovernments.AsNoTracking().Where(l => codes.Contains(l.Code)).ToDictionaryAsync(l => l.Code, l => l.Name, ct);
        return [.. models.Where(m => groups.ContainsKey(m.GroupId!.Value))
            .Select(m => new PooledModel(m, groups[m.GroupId!.Value], names.GetValueOrDefault(m.TenantId, m.TenantId), m.Fit().States))];
    }

    /// <summary>
    /// Stores the pooled model of <paramref name="kind"/> that <paramref name="fittedBy"/> fitted over group
    /// <paramref name="groupId"/> as the tenant's own model of that kind. Refused when the tenant is not a member (the model
    /// is then unreadable) or grades the kind on another number of levels. The copy has no group: it is this tenant's
    /// model now, and shows as a pooled model to no one else.
    /// </summary>
    public static async Task<Result<DeteriorationModel>> AdoptAsync(AppDbContext db, long groupId, string fittedBy, AssetKind kind, DateTime nowUtc, CancellationToken ct)
    {
        var pooled = (await PooledModelsAsync(db, ct)).FirstOrDefault(p => p.Model.GroupId == groupId && p.Model.TenantId == fittedBy && p.Model.Kind == kind);
        if (pooled is null)
        {
            return Errors.PooledModelNotFound(groupId, fittedBy);
        }

        var scheme = (await GradeScales.LoadAsync(db, ct)).For(kind);
        if (pooled.States != scheme.Levels.Count)
        {
            return Errors.PooledModelLevels(pooled.GroupName, pooled.States, scheme.Name, scheme.Levels.Count);
        }

        var source = $"広域グループ「{pooled.GroupName}」の共同推定を採用（{pooled.FittedByName}が{Common.JapanTime.Date(pooled.Model.FittedAtUtc)}に推定）";
        return await StoreAsync(db, kind, scheme, pooled.Model.Fit(), source.Length > 300 ? source[..300] : source, null, nowUtc, ct);
    }
}
