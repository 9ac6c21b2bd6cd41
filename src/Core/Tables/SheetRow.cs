namespace InfraLedger.Core.Tables;

/// <summary>A row as read, before the header is known: its 1-based row in the file or sheet and its cells (null = empty).</summary>
internal sealed record SheetRow(int Row, string?[] Cells)
{
    public bool IsBlank => Array.TrueForAll(Cells, string.IsNullOrWhiteSpace);

    public string? FirstNonEmpty => Array.Find(Cells, c => !string.IsNullOrWhiteSpace(c));

    public int NonEmptyCount => Cells.Count(c => !string.IsNullOrWhiteSpace(c));

    public string? At(int column) => column < Cells.Length ? Cells[column] : null;
}
