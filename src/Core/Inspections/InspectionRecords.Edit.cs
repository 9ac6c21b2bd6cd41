using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Inspections;

/// <summary>
/// Correcting and withdrawing records: the same checks as recording, one save (so nothing is half-written), and the
/// audit trail keeps the values before the change (AppDbContext records every change).
/// </summary>
public static partial class InspectionRecords
{
    public static Task<Inspection?> FindAsync(AppDbContext db, long id, CancellationToken ct) =>
        db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);

    public static Task<MaintenanceWork?> FindWorkAsync(AppDbContext db, long id, CancellationToken ct) =>
        db.MaintenanceWorks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct);

    /// <summary>The grade scale of a facility's kind (what its records' grades are read on); the national default when the facility is unknown.</summary>
    public static async Task<GradeScheme> SchemeOfFacilityAsync(AppDbContext db, string facilityCode, CancellationToken ct)
    {
        var kind = await db.Facilities.AsNoTracking().Where(f => f.Code == facilityCode).Select(f => (Register.AssetKind?)f.Kind).SingleOrDefaultAsync(ct);
        return (await GradeScales.LoadAsync(db, ct)).For(kind ?? Register.AssetKind.Bridge);
    }

    public static async Task<Result<Inspection>> UpdateAsync(AppDbContext db, long id, Input input, DateOnly today, CancellationToken ct)
    {
        if (await db.Inspections.SingleOrDefaultAsync(i => i.Id == id, ct) is not { } existing)
        {
            return Errors.InspectionNotFound(id);
        }

        var updated = Check(db.Scope.TenantId!, input, await FacilitySchemesAsync(db, ct), today, id);
        if (!updated.IsSuccess)
        {
            return updated.Error!;
        }

        var sample = existing.IsSample;
        var entry = db.Entry(existing);
        entry.CurrentValues.SetValues(updated.Value);
        entry.Property(i => i.IsSample).CurrentValue = sample;
        await db.SaveChangesAsync(ct);
        return existing;
    }

    /// <summary>
    /// Withdraws a record entered by mistake. Inspection records are otherwise kept for the life of the structure
    /// (道路法施行規則): the deleted values stay in the audit trail.
    /// </summary>
    public static async Task<Result<Inspection>> DeleteAsync(AppDbContext db, long id, CancellationToken ct)
    {
        if (await db.Inspections.SingleOrDefaultAsync(i => i.Id == id, ct) is not { } existing)
        {
            return Errors.InspectionNotFound(id);
        }

        db.Inspections.Remove(existing);
        await db.SaveChangesAsync(ct);
        return existing;
    }

    public static async Task<Result<MaintenanceWork>> UpdateWorkAsync(AppDbContext db, long id, WorkInput input, DateOnly today, CancellationToken ct)
    {
        if (await db.MaintenanceWorks.SingleOrDefaultAsync(w => w.Id == id, ct) is not { } existing)
        {
            return Errors.WorkNotFound(id);
        }

        var updated = CheckWork(db.Scope.TenantId!, input, await FacilitySchemesAsync(db, ct), today, id);
        if (!updated.IsSuccess)
        {
            return updated.Error!;
        }

        var sample = existing.IsSample;
        var entry = db.Entry(existing);
        entry.CurrentValues.SetValues(updated.Value);
        entry.Property(w => w.IsSample).CurrentValue = sample;
        await db.SaveChangesAsync(ct);
        return existing;
    }

    public static async Task<Result<MaintenanceWork>> DeleteWorkAsync(AppDbContext db, long id, CancellationToken ct)
    {
        if (await db.MaintenanceWorks.SingleOrDefaultAsync(w => w.Id == id, ct) is not { } existing)
        {
            return Errors.WorkNotFound(id);
        }

        db.MaintenanceWorks.Remove(existing);
        await db.SaveChangesAsync(ct);
        return existing;
    }
}
