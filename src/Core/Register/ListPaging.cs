using System.Linq.Expressions;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register;

/// <summary>
/// A page of a register list: by cursor (next/previous, <see cref="Keyset{T, TValue}"/>) or, for a numbered page, the keys
/// of the page read first in index order (skipping entries of the index only) and then their rows; the count by
/// <see cref="ListCount"/>.
/// </summary>
public static class ListPaging
{
    /// <summary>The page asked; <c>Narrow</c> when a text filter (the search index) selects the rows.</summary>
    public sealed record Request(int Page, int PageSize, bool Descending, string? After, string? Before, int ExactCountUpTo, bool Narrow = false);

    public static async Task<FacilityRegister.Page<T>> PageAsync<T, TValue>(AppDbContext db, IQueryable<T> rows, Keyset<T, TValue> keyset,
        Expression<Func<T, string>> key, Func<List<string>, Task<Dictionary<string, T>>> load, Request q, Func<(string Sql, object[] Parameters)> estimateSql,
        CancellationToken ct)
        where T : class
    {
        var size = Math.Clamp(q.PageSize, 10, 500);
        var count = await ListCount.OfAsync(db, rows, estimateSql, q.ExactCountUpTo, ct);
        if (q.Narrow && !count.Estimated)
        {
            // A text filter found few rows: take their keys through the search index first, then page them. Otherwise the
            // planner may read the sort's index in order and test every row against the filter to find a rare match.
            var found = await rows.Select(key).ToListAsync(ct);
            var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(found), key.Body);
            rows = rows.Where(Expression.Lambda<Func<T, bool>>(contains, key.Parameters));
        }

        var total = (int)Math.Min(count.Value, int.MaxValue);
        var pages = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(q.Page, 1, count.Estimated ? int.MaxValue / size : pages);
        var cursor = q.After is { Length: > 0 } ? new PageCursor(q.After, true) : q.Before is { Length: > 0 } ? new PageCursor(q.Before, false) : null;
        var from = cursor is null ? null : keyset.From(rows, cursor.Value, q.Descending, cursor.Forward);
        List<T> list;
        bool hasNext, hasPrevious;
        if (from is not null)
        {
            list = await from.Take(size + 1).ToListAsync(ct);
            var more = list.Count > size;
            list = list.Take(size).ToList();
            if (!cursor!.Forward)
            {
                list.Reverse();
            }

            hasNext = !cursor.Forward || more;
            hasPrevious = cursor.Forward || more;
            page = hasPrevious ? Math.Max(page, 2) : 1;
        }
        else
        {
            // A numbered page: the keys of the page first (an index-only read of the skipped entries), then its rows.
            page = cursor is null ? page : 1;
            var keys = await keyset.Order(rows, q.Descending).Skip((page - 1) * size).Take(size + 1).Select(key).ToListAsync(ct);
            hasNext = keys.Count > size;
            hasPrevious = page > 1;
            keys = keys.Take(size).ToList();
            var byKey = await load(keys);
            list = keys.Select(k => byKey[k]).ToList();
        }

        return new FacilityRegister.Page<T>(list, total, page, size)
        {
            Estimated = count.Estimated,
            NextCursor = hasNext && list.Count > 0 ? keyset.CursorOf(list[^1]) : null,
            PreviousCursor = hasPrevious && list.Count > 0 ? keyset.CursorOf(list[0]) : null,
        };
    }
}
