namespace InfraLedger.Web.Pages.Register;

/// <summary>
/// Where a paged list is: "N件中 a–b件" (「約 N 件」 when the count is an estimate), previous/next and a window of page links.
/// Previous/next go by key when the list gives their links (<see cref="PreviousHref"/>, <see cref="NextHref"/>); numbered
/// links jump. An estimated count shows no last page.
/// </summary>
public sealed record Pager(int Total, int PageNumber, int PageSize, int PageCount, Func<int, string> Link)
{
    public bool Estimated { get; init; }

    /// <summary>Rows on this page, when known (the last page of an estimated list is shorter than the page size).</summary>
    public int? RowCount { get; init; }

    public string? PreviousHref { get; init; }

    public string? NextHref { get; init; }

    /// <summary>Whether there is a next page when no <see cref="NextHref"/> is given (keyset lists say so themselves).</summary>
    public bool? HasNext { get; init; }

    public int First => Total == 0 || RowCount == 0 ? 0 : ((PageNumber - 1) * PageSize) + 1;

    public int Last => RowCount is { } rows ? First + rows - 1 : Math.Min(Total, PageNumber * PageSize);

    public string Range => Estimated ? $"約 {Total:N0} 件中 {First:N0}–{Last:N0}件" : $"{Total:N0}件中 {First:N0}–{Last:N0}件";

    public string? Previous => PreviousHref ?? (PageNumber > 1 && HasNext is null ? Link(PageNumber - 1) : null);

    public string? Next => NextHref ?? (PageNumber < PageCount && HasNext is null ? Link(PageNumber + 1) : null);

    public bool Shown => PageCount > 1 || Previous is not null || Next is not null;

    /// <summary>The first and last pages (the last only when the count is exact) and two either side of the current one; 0 marks a gap.</summary>
    public IEnumerable<int> Pages()
    {
        var previous = 0;
        var last = Estimated ? PageNumber + (Next is null ? 0 : 2) : PageCount;
        for (var p = 1; p <= last; p++)
        {
            if (p == 1 || (p == last && !Estimated) || Math.Abs(p - PageNumber) <= 2)
            {
                if (p - previous > 1)
                {
                    yield return 0;
                }

                yield return p;
                previous = p;
            }
        }

        if (Estimated && Next is not null)
        {
            yield return 0;
        }
    }
}
