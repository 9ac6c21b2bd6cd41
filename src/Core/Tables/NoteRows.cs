namespace InfraLedger.Core.Tables;

/// <summary>
/// Rows that are not records: totals and the notes printed under or above a table. Recognised by how their first
/// non-empty cell starts, because that is where every municipal template puts 合計 or ※; a cell anywhere else
/// could be data (a facility called 注連寺 starts with 注 but is followed by a letter, not a mark).
/// </summary>
internal static class NoteRows
{
    private static readonly string[] TotalPrefixes = ["合計", "総計", "小計", "累計"];

    private static readonly string[] NotePrefixes = ["※", "*", "(注", "注:", "注)", "注.", "注 ", "出典", "資料:", "備考:", "参考:"];

    public static bool IsNoteOrTotal(SheetRow row) => row.FirstNonEmpty is { } first && IsNoteOrTotal(first);

    public static bool IsNoteOrTotal(string firstCell)
    {
        var text = CellText.Normalize(firstCell);
        return text == "計" || text == "注"
            || TotalPrefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal))
            || NotePrefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal))
            || (text.Length > 1 && text[0] == '注' && char.IsAsciiDigit(text[1]));
    }
}
