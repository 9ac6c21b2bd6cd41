namespace InfraLedger.Web.Pages.Register;

/// <summary>Where a paged list is: "N件中 a–b件", previous/next and a window of page links.</summary>
public sealed record Pager(int Total, int PageNumber, int PageSize, int PageCount, Func<int, string> Link)
{
    public int First => Total == 0 ? 0 : ((PageNumber - 1) * PageSize) + 1;

    public int Last => Math.Min(Total, PageNumber * PageSize);

    public string Range => $"{Total}件中 {First}–{Last}件";

    /// <summary>The first and last pages and two either side of the current one; 0 marks a gap.</summary>
    public IEnumerable<int> Pages()
    {
        var previous = 0;
        for (var p = 1; p <= PageCount; p++)
        {
            if (p == 1 || p == PageCount || Math.Abs(p - PageNumber) <= 2)
            {
                if (p - previous > 1)
                {
                    yield return 0;
                }

                yield return p;
                previous = p;
            }
        }
    }
}
