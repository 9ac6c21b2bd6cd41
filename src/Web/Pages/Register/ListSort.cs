namespace InfraLedger.Web.Pages.Register;

/// <summary>The sort of a list page and how to link to another sort (the filters kept, back to page 1).</summary>
public sealed record ListSort(string Column, bool Descending, Func<string, bool, string> Link);

/// <summary>A column header; a link that sorts by it when the list is sortable (<see cref="ListSort"/> given).</summary>
public sealed record SortHeader(string Label, string Column, ListSort? Sort)
{
    public bool Numeric { get; init; }

    public bool IsSorted => Sort?.Column == Column;

    /// <summary>aria-sort of the sorted column only (WAI-ARIA: at most one header carries it).</summary>
    public string? AriaSort => !IsSorted ? null : Sort!.Descending ? "descending" : "ascending";

    /// <summary>Sorted columns toggle their direction; others start ascending.</summary>
    public string? Href => Sort?.Link(Column, IsSorted && !Sort.Descending);
}
