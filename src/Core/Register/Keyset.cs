using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;

namespace InfraLedger.Core.Register;

/// <summary>
/// Keyset paging of a list sorted by one column then its key (the index <c>(tenant_id, column, key)</c>): a page starts
/// after (or ends before) the row its cursor names, so page 1,000 costs what page 1 costs. Nulls sit where the database's
/// index keeps them (first on SQLite, last on PostgreSQL, for an ascending order). The cursor is opaque to the user
/// (base64url of the row's sort value and key); one that does not parse is ignored (the first page). Pure expressions.
/// </summary>
public sealed class Keyset<T, TValue>(Expression<Func<T, TValue>> column, Expression<Func<T, string>> key, bool nullsFirst)
    where T : class
{
    private readonly Func<T, TValue> valueOf = column.Compile();
    private readonly Func<T, string> keyOf = key.Compile();

    /// <summary>Whether nulls need their own segment (a nullable column): without them the column itself bounds the index range.</summary>
    private static readonly bool Nullable = default(TValue) is null && typeof(TValue) != typeof(string);

    public IOrderedQueryable<T> Order(IQueryable<T> rows, bool descending) => descending
        ? rows.OrderByDescending(column).ThenByDescending(key)
        : rows.OrderBy(column).ThenBy(key);

    public string CursorOf(T row) => Encode(valueOf(row), keyOf(row));

    /// <summary>
    /// The rows after (<paramref name="forward"/>) or before the cursor in the order asked, in the order they must be
    /// read (a backward page is read in reverse and turned round by the caller); null when the cursor does not parse.
    /// </summary>
    public IQueryable<T>? From(IQueryable<T> rows, string cursor, bool descending, bool forward)
    {
        if (!TryDecode(cursor, out var value, out var k))
        {
            return null;
        }

        // Reading the index upwards (ascending and forward, or descending and backward) means "greater than the cursor".
        var upwards = descending != forward;
        return Order(rows.Where(Beyond(value, k, upwards)), descending: !upwards);
    }

    private Expression<Func<T, bool>> Beyond(TValue? value, string k, bool upwards)
    {
        var row = column.Parameters[0];
        var s = column.Body;
        var kk = new ReplaceParameter(key.Parameters[0], row).Visit(key.Body);
        var v = Boxed(value, typeof(TValue));
        var kv = Boxed(k, typeof(string));
        Expression Compare(Expression a, Expression b, bool greater) => a.Type == typeof(string)
            ? (greater ? Expression.GreaterThan(StringCompare(a, b), Expression.Constant(0)) : Expression.LessThan(StringCompare(a, b), Expression.Constant(0)))
            : (greater ? Expression.GreaterThan(a, b) : Expression.LessThan(a, b));
        Expression isNull = Nullable ? Expression.Equal(s, Expression.Constant(null, typeof(TValue))) : Expression.Constant(false);
        Expression keyBeyond = Compare(kk, kv, upwards);
        Expression body;
        if (value is null && Nullable)
        {
            // In the null segment: further nulls by key, then the other segment if it lies beyond.
            body = Expression.AndAlso(isNull, keyBeyond);
            if (nullsFirst == upwards)
            {
                body = Expression.OrElse(body, Expression.Not(isNull));
            }
        }
        else
        {
            body = Expression.OrElse(Compare(s, v, upwards), Expression.AndAlso(Expression.Equal(s, v), keyBeyond));
            if (Nullable && nullsFirst != upwards)
            {
                body = Expression.OrElse(body, isNull);
            }
            else if (!Nullable)
            {
                // Redundant, but it bounds the index range (PostgreSQL does not take the OR above as one).
                var atLeast = s.Type == typeof(string)
                    ? (upwards ? Expression.GreaterThanOrEqual(StringCompare(s, v), Expression.Constant(0)) : Expression.LessThanOrEqual(StringCompare(s, v), Expression.Constant(0)))
                    : (upwards ? Expression.GreaterThanOrEqual(s, v) : Expression.LessThanOrEqual(s, v));
                body = Expression.AndAlso(atLeast, body);
            }
        }

        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private static MethodCallExpression StringCompare(Expression a, Expression b) =>
        Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, a, b);

    // A member of a closure, so that EF sends the value as a parameter (one plan for every page).
    private static MemberExpression Boxed(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(KeysetBox<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(box), "Value");
    }

    private static string Encode(TValue value, string k)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new[] { text, k })).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static bool TryDecode(string cursor, out TValue? value, out string k)
    {
        value = default;
        k = "";
        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            var parts = JsonSerializer.Deserialize<string?[]>(Convert.FromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=')));
            if (parts is not [var text, { } key])
            {
                return false;
            }

            k = key;
            if (text is null)
            {
                return Nullable;
            }

            var target = System.Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
            object parsed = target == typeof(string) ? text
                : target == typeof(DateOnly) ? DateOnly.Parse(text, CultureInfo.InvariantCulture)
                : Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
            value = (TValue)parsed;
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidCastException or OverflowException or ArgumentException)
        {
            return false;
        }
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>A value EF reads as a query parameter.</summary>
internal sealed class KeysetBox<TV>(TV value)
{
    public TV Value { get; } = value;
}

/// <summary>The cursor of a page link: <c>after</c> (next) or <c>before</c> (previous) a row.</summary>
public sealed record PageCursor(string Value, bool Forward);
