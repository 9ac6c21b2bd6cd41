namespace InfraLedger.Core.Planning;

/// <summary>
/// The problem's amounts as the integers CP-SAT needs. Costs and budgets share one scale (10^d, d the most decimals
/// used, at most 4): costs are rounded up and budgets down, so a scaled plan never exceeds a real budget. Benefits get
/// their own scale, as fine as keeps their sum well inside 64 bits.
/// </summary>
internal sealed record ScaledProblem(long[] Cost, long[] Benefit, Dictionary<(int, string), long> Budget, long BenefitScale, ShareRows Shares)
{
    private const decimal Limit = 1e15m;

    public static ScaledProblem? Of(ProgrammeProblem p, ShareRows shares)
    {
        var costScale = Pow10(Math.Min(4, p.Candidates.Select(c => Decimals(c.Cost)).Concat(p.Budgets.Select(b => Decimals(b.Amount))).DefaultIfEmpty(0).Max()));
        var benefitDecimals = Math.Min(4, p.Candidates.Select(c => Decimals(c.Benefit)).DefaultIfEmpty(0).Max());
        var benefitSum = p.Candidates.Sum(c => Math.Abs(c.Benefit));
        while (benefitDecimals > 0 && benefitSum * Pow10(benefitDecimals) > Limit)
        {
            benefitDecimals--;
        }

        var benefitScale = Pow10(benefitDecimals);
        if (p.Candidates.Sum(c => c.Cost) * costScale > Limit || p.Budgets.Any(b => b.Amount * costScale > Limit) || benefitSum * benefitScale > Limit)
        {
            return null;
        }

        return new ScaledProblem(
            [.. p.Candidates.Select(c => (long)decimal.Ceiling(c.Cost * costScale))],
            [.. p.Candidates.Select(c => (long)decimal.Round(c.Benefit * benefitScale, MidpointRounding.AwayFromZero))],
            p.Budgets.ToDictionary(b => (b.Year, b.Source), b => (long)decimal.Floor(b.Amount * costScale)),
            benefitScale,
            shares);
    }

    private static int Decimals(decimal v) => (v / 1.000000000000000000000000000000000m).Scale;

    private static long Pow10(int d) => (long)Math.Pow(10, d);
}
