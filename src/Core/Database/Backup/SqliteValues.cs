using System.Globalization;
using System.Text;

namespace InfraLedger.Core.Database.Backup;

/// <summary>
/// A value as the SQLite file holds it (EF Core's SQLite provider: integers, reals, text for times, dates and decimals,
/// blobs) turned into the value Npgsql writes for the PostgreSQL column's type. Times are UTC: the application writes
/// UTC, and a time with an offset is converted to it. PostgreSQL keeps microseconds: a time's 100-nanosecond digit, which
/// SQLite's text can hold, is dropped (the application's own times are whole milliseconds).
/// </summary>
internal static class SqliteValues
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The PostgreSQL types (internal names) a value can be converted to.</summary>
    public static bool Supports(string udt) => udt is "bool" or "int2" or "int4" or "int8" or "numeric" or "float4" or "float8"
        or "text" or "varchar" or "bpchar" or "date" or "timestamptz" or "timestamp" or "time" or "interval" or "bytea" or "uuid" or "json" or "jsonb";

    /// <summary>The converted value, or the reason it cannot be converted.</summary>
    public static (object? Value, string? Problem) Convert(object raw, string udt, int? maxLength)
    {
        try
        {
            object value = udt switch
            {
                "bool" => Bool(raw),
                "int2" => checked((short)Integer(raw)),
                "int4" => checked((int)Integer(raw)),
                "int8" => Integer(raw),
                "numeric" => Decimal(raw),
                "float4" => (float)Double(raw),
                "float8" => Double(raw),
                "text" or "varchar" or "bpchar" or "json" or "jsonb" => Text(raw),
                "date" => Date(raw),
                "timestamptz" => Utc(raw),
                "timestamp" => DateTime.SpecifyKind(DateTime.Parse(Text(raw), Invariant, DateTimeStyles.None), DateTimeKind.Unspecified),
                "time" => TimeOnly.Parse(Text(raw), Invariant),
                "interval" => TimeSpan.Parse(Text(raw), Invariant),
                "bytea" => raw as byte[] ?? throw new FormatException("バイト列ではありません"),
                "uuid" => raw is byte[] { Length: 16 } b ? new Guid(b) : Guid.Parse(Text(raw), Invariant),
                _ => throw new NotSupportedException(udt),
            };
            if (maxLength is { } max && value is string s && s.Length > max)
            {
                return (null, $"{s.Length} 文字あり、{max} 文字を超えています");
            }

            return (value, null);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return (null, ex is OverflowException ? "範囲を超えています" : "形式が違います");
        }
    }

    /// <summary>How a value is shown in an error message.</summary>
    public static string Show(object raw) => raw switch
    {
        byte[] b => "0x" + System.Convert.ToHexString(b.AsSpan(0, Math.Min(b.Length, 16))) + (b.Length > 16 ? "…" : ""),
        IFormattable f => f.ToString(null, Invariant),
        _ => raw.ToString() ?? "",
    };

    private static bool Bool(object raw) => raw switch
    {
        long l => l != 0,
        double d => d != 0,
        string s when long.TryParse(s, NumberStyles.Integer, Invariant, out var l) => l != 0,
        string s => bool.Parse(s),
        _ => throw new FormatException(),
    };

    private static long Integer(object raw) => raw switch
    {
        long l => l,
        double d when Math.Truncate(d) == d => checked((long)d),
        string s => long.Parse(s, NumberStyles.Integer, Invariant),
        _ => throw new FormatException(),
    };

    private static decimal Decimal(object raw) => raw switch
    {
        long l => l,
        double d => (decimal)d,
        string s => decimal.Parse(s, NumberStyles.Float, Invariant),
        _ => throw new FormatException(),
    };

    private static double Double(object raw) => raw switch
    {
        double d => d,
        long l => l,
        string s => double.Parse(s, NumberStyles.Float, Invariant),
        _ => throw new FormatException(),
    };

    private static string Text(object raw) => raw switch
    {
        string s => s,
        byte[] b => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(b),
        IFormattable f => f.ToString(null, Invariant),
        _ => throw new FormatException(),
    };

    private static DateOnly Date(object raw)
    {
        var text = Text(raw);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var date)
            ? date
            : DateOnly.FromDateTime(DateTime.Parse(text, Invariant, DateTimeStyles.None));
    }

    /// <summary>EF Core writes DateTime as <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> (UTC here) and DateTimeOffset with its offset.</summary>
    private static DateTime Utc(object raw)
    {
        var utc = DateTimeOffset.Parse(Text(raw), Invariant, DateTimeStyles.AssumeUniversal).UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }
}
