using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Projection;

/// <summary>Runs projections over the current tenant's register, or over the members of a wide-area group it belongs to.</summary>
public static class Projections
{
    public const int FirstBaseYear = 1950;
    public const int LastBaseYear = 2100;

    /// <summary>A group's projection: the sum and each member's own.</summary>
    public sealed record GroupResult(WideAreaGroup Group, IReadOnlyList<(LocalGovernment Member, ProjectionResult Result)> Members, ProjectionResult Sum);

    public static Result<int> CheckBaseYear(int baseYear) =>
        baseYear is < FirstBaseYear or > LastBaseYear ? Errors.BaseYearInvalid(baseYear.ToString(System.Globalization.CultureInfo.InvariantCulture)) : baseYear;

    /// <summary>The parameters with the horizon asked for (null: the scenario's own), or why it cannot be used.</summary>
    public static Result<ScenarioParameters> WithHorizon(ScenarioParameters parameters, int? years) =>
        years is null ? parameters
        : years is < 1 or > 100 ? Errors.YearsInvalid(years.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        : parameters with { Horizon = years.Value };

    public static Task<int> CountAsync(AppDbContext db, CancellationToken ct) => db.Facilities.CountAsync(ct);

    /// <summary>Projects the tenant's register as it is now; <paramref name="progress"/> gets the rows read so far.</summary>
    public static ProjectionResult Run(AppDbContext db, ScenarioParameters parameters, int baseYear, IProgress<long>? progress, CancellationToken ct) =>
        RenewalProjection.Run(parameters, baseYear, Counted(Columns(db.Facilities), progress, ct));

    /// <summary>Groups the current tenant belongs to (a member sees only its own groups).</summary>
    public static Task<List<WideAreaGroup>> GroupsAsync(AppDbContext db, CancellationToken ct)
    {
        var tenant = db.Scope.TenantId;
        return db.WideAreaGroups.AsNoTracking().Include(g => g.Members)
            .Where(g => g.Members.Any(m => m.MemberCode == tenant)).OrderBy(g => g.Name).ToListAsync(ct);
    }

    public static async Task<Result<GroupResult>> RunGroupAsync(AppDbContext db, long groupId, ScenarioParameters parameters, int baseYear,
        IProgress<long>? progress, CancellationToken ct)
    {
        var group = (await GroupsAsync(db, ct)).FirstOrDefault(g => g.Id == groupId);
        if (group is null)
        {
            return Errors.GroupNotFound(groupId);
        }

        var codes = group.Members.Select(m => m.MemberCode).ToList();
        var members = await db.LocalGovernments.AsNoTracking().Where(l => codes.Contains(l.Code)).OrderBy(l => l.Code).ToListAsync(ct);
        var results = new List<(LocalGovernment, ProjectionResult)>();
        long done = 0;
        foreach (var member in members)
        {
            var memberProgress = progress is null ? null : new Offset(progress, done);
            var result = RenewalProjection.Run(parameters, baseYear, Counted(Columns(CrossTenant.FacilitiesOfGroupMember(db, member.Code)), memberProgress, ct));
            done += result.Stock.Sum(s => s.Facilities) + result.Skipped.Sum(s => s.Count);
            results.Add((member, result));
        }

        return new GroupResult(group, results, ProjectionResult.Sum(baseYear, parameters, results.Select(r => r.Item2)));
    }

    /// <summary>Only the columns the projection reads.</summary>
    private static IQueryable<Facility> Columns(IQueryable<Facility> facilities) => facilities.AsNoTracking().Select(f => new Facility
    {
        TenantId = f.TenantId,
        Code = f.Code,
        Name = f.Name,
        Kind = f.Kind,
        UsageMajor = f.UsageMajor,
        UsageMinor = f.UsageMinor,
        Quantity = f.Quantity,
        QuantityKind = f.QuantityKind,
        YearBuilt = f.YearBuilt,
        Structure = f.Structure,
        Width = f.Width,
        Diameter = f.Diameter,
        Status = f.Status,
    });

    private static IEnumerable<Facility> Counted(IQueryable<Facility> rows, IProgress<long>? progress, CancellationToken ct)
    {
        long n = 0;
        foreach (var row in rows.AsEnumerable())
        {
            if (++n % 10_000 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(n);
            }

            yield return row;
        }

        progress?.Report(n);
    }

    private sealed class Offset(IProgress<long> inner, long offset) : IProgress<long>
    {
        public void Report(long value) => inner.Report(offset + value);
    }
}
