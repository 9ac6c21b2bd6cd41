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
    /// <summary>The page asked.</summary>
    public sealed record Request(int Page, int PageSize, bool Descending, string? After, string? Before, int ExactCountUpTo);

    public static async Task<FacilityRegister.Page<T>> PageAsync<T, TValue>(AppDbContext db, IQueryable<T> rows, Keyset<T, TValue> keyset,
        Expression<Func<T, string>> key, Func<List<string>, Task<Dictionary<string, T>>> load, Request q, Func<(string Sql, object[] Parameters)> estimateSql,
        CancellationToken ct, IQueryable<T>? narrowed = null)
        where T : class
    {
        var size = Math.Clamp(q.PageSize, 10, 500);
        ListCount.Count? count = null;
        if (narrowed is not null)
        {
            // A text filter: its keys through the search index, once; when they are few, they are the count and the page is
            // read from them by key. (Paging the filtered rows would let the planner read the sort's index in order and test
            // every row against the filter to find a rare match, and scan the trigram index once more for the count.)
            var found = await rows.Select(key).Take(q.ExactCountUpTo + 1).ToListAsync(ct);
            if (found.Count <= q.ExactCountUpTo)
            {
                count = new ListCount.Count(found.Count, false);
                rows = narrowed.Where(KeyIn(key, found));
            }
        }

        count ??= await ListCount.OfAsync(db, rows, estimateSql, q.ExactCountUpTo, ct);
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

    /// <summary>
    /// <c>row => keys.Contains(key(row))</c> with the keys as one query parameter: a constant would be written into the SQL,
    /// and EF would compile the query anew for every set of keys (milliseconds each time, more than the query itself).
    /// </summary>
    public static Expression<Func<T, bool>> KeyIn<T, TKey>(Expression<Func<T, TKey>> key, List<TKey> keys)
    {
        var captured = Expression.Property(Expression.Constant(new Captured<TKey>(keys)), nameof(Captured<TKey>.Keys));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)], captured, key.Body);
        return Expression.Lambda<Func<T, bool>>(contains, key.Parameters);
    }

    // As a lambda's closure holds a captured variable: EF reads a member of a constant as a parameter.
    private sealed class Captured<TKey>(List<TKey> keys)
    {
        public List<TKey> Keys { get; } = keys;
    }
}
