using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Search;

/// <summary>
/// The search index's rows written before migration 0018 (or by a version that did not write them): their derived columns
/// (search text, natural sort keys) are computed here by the entities themselves, the one normalisation, and written
/// without an audit event (they are not register content). Runs after every migration; finds nothing once done.
/// On SQLite the FTS tables follow through their update triggers.
/// </summary>
public static class SearchIndex
{
    private const int Batch = 1000;

    public static async Task<long> BackfillAsync(DatabaseSettings settings, CancellationToken ct)
    {
        List<string> tenants;
        await using (var db = settings.CreateContext())
        {
            tenants = await db.Database.SqlQueryRaw<string>(
                """
                SELECT DISTINCT tenant_id AS "Value" FROM (
                    SELECT tenant_id FROM facilities WHERE search_text IS NULL OR code_order IS NULL
                    UNION SELECT tenant_id FROM fixed_assets WHERE search_text IS NULL OR number_order IS NULL
                    UNION SELECT tenant_id FROM inspections WHERE search_text IS NULL
                    UNION SELECT tenant_id FROM resident_reports WHERE search_text IS NULL) AS missing
                """).ToListAsync(ct);
        }

        long filled = 0;
        foreach (var tenant in tenants.Select(t => t.Trim()))
        {
            var scope = new TenantScope();
            scope.Enter(LocalGovernmentCode.Parse(tenant).Value);
            await using var db = settings.CreateContext(scope);
            filled += await FillAsync<Register.Facility, string>(db, q => q.Where(f => f.SearchText == null || f.CodeOrder == null), f => f.Code,
                (f, last) => string.Compare(f.Code, last) > 0,
                f => db.Database.ExecuteSqlAsync($"UPDATE facilities SET search_text = {f.SearchText}, code_order = {f.CodeOrder} WHERE tenant_id = {tenant} AND code = {f.Code}", ct), ct);
            filled += await FillAsync<Register.FixedAsset, string>(db, q => q.Where(a => a.SearchText == null || a.NumberOrder == null), a => a.Number,
                (a, last) => string.Compare(a.Number, last) > 0,
                a => db.Database.ExecuteSqlAsync($"UPDATE fixed_assets SET search_text = {a.SearchText}, number_order = {a.NumberOrder} WHERE tenant_id = {tenant} AND number = {a.Number}", ct), ct);
            filled += await FillAsync<Inspections.Inspection, long>(db, q => q.Where(i => i.SearchText == null), i => i.Id, (i, last) => i.Id > last,
                i => db.Database.ExecuteSqlAsync($"UPDATE inspections SET search_text = {i.SearchText} WHERE tenant_id = {tenant} AND id = {i.Id}", ct), ct);
            filled += await FillAsync<Reports.ResidentReport, long>(db, q => q.Where(r => r.SearchText == null), r => r.Id, (r, last) => r.Id > last,
                r => db.Database.ExecuteSqlAsync($"UPDATE resident_reports SET search_text = {r.SearchText} WHERE tenant_id = {tenant} AND id = {r.Id}", ct), ct);
        }

        return filled;
    }

    private static async Task<long> FillAsync<T, TKey>(
        AppDbContext db,
        Func<IQueryable<T>, IQueryable<T>> missing,
        System.Linq.Expressions.Expression<Func<T, TKey>> key,
        System.Linq.Expressions.Expression<Func<T, TKey, bool>> after,
        Func<T, Task<int>> update,
        CancellationToken ct)
        where T : class
    {
        long count = 0;
        var keyOf = key.Compile();
        TKey? last = default;
        var first = true;
        while (true)
        {
            var rows = missing(db.Set<T>().AsNoTracking());
            if (!first)
            {
                var parameter = after.Parameters[0];
                var body = new ReplaceSecond(after.Parameters[1], System.Linq.Expressions.Expression.Constant(last, typeof(TKey))).Visit(after.Body);
                rows = rows.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(body, parameter));
            }

            var batch = await rows.OrderBy(key).Take(Batch).ToListAsync(ct);
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                foreach (var row in batch)
                {
                    await update(row);
                }

                await tx.CommitAsync(ct);
            }

            count += batch.Count;
            if (batch.Count < Batch)
            {
                return count;
            }

            last = keyOf(batch[^1]);
            first = false;
        }
    }

    private sealed class ReplaceSecond(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.Expression to) : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
