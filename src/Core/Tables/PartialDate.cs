namespace InfraLedger.Core.Tables;

/// <summary>
/// A date that may lack its month or day: registers often know only 「平成30年」 or 「2023年4月」 for when a facility
/// was built or opened. <see cref="ToDateOnly"/> fills the gaps with the caller's convention.
/// </summary>
public sealed record PartialDate(int Year, int? Month = null, int? Day = null)
{
    /// <summary>The date, with <paramref name="defaultMonth"/> and <paramref name="defaultDay"/> where unknown (the day capped at the month's end).</summary>
    public DateOnly ToDateOnly(int defaultMonth = 1, int defaultDay = 1)
    {
        var month = Month ?? defaultMonth;
        return new DateOnly(Year, month, Day ?? Math.Min(defaultDay, DateTime.DaysInMonth(Year, month)));
    }

    public override string ToString() =>
        (Month, Day) switch
        {
            (null, _) => $"{Year:D4}",
            (_, null) => $"{Year:D4}-{Month:D2}",
            _ => $"{Year:D4}-{Month:D2}-{Day:D2}",
        };
}
