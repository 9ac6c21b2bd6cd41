namespace InfraLedger.Core.Register.Export;

/// <summary>
/// Formula-injection guard for exported text: a cell that begins with =, +, -, @, tab or CR would be run as a
/// formula by spreadsheet software, so it gets a leading apostrophe (OWASP "CSV injection"). The import
/// removes that apostrophe again, so an export re-imports unchanged.
/// </summary>
public static class SafeCell
{
    public static string? Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>The inverse of <see cref="Text"/>, applied on import.</summary>
    public static string? Unescape(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
}
