namespace InfraLedger.Core.Tables;

/// <summary>A merged cell area of a sheet: rows 1-based as <see cref="SheetRow.Row"/>, columns 0-based as its cells.</summary>
internal sealed record MergedRange(int FirstRow, int LastRow, int FirstColumn, int LastColumn)
{
    public bool IsHorizontalIn(int row, int column) =>
        FirstRow <= row && row <= LastRow && FirstColumn < column && column <= LastColumn;
}
