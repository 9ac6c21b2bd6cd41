using InfraLedger.Core.Common;

namespace InfraLedger.Core.Depreciation;

/// <summary>What the engine needs of a register item (FixedAsset): 取得価額等 in whole yen, 耐用年数, dates.</summary>
public sealed record DepreciableItem(decimal Cost, int? UsefulLife, DateOnly? AcquisitionDate, DateOnly? DisposalDate, bool Depreciable);

public enum PositionStatus
{
    /// <summary>Not on the books at the year end (acquired later, or disposed of by then).</summary>
    NotOnBooks,

    /// <summary>On the books but not depreciated (land, no useful life, cost at or below the 備忘価額).</summary>
    NonDepreciable,

    /// <summary>Depreciation has not yet reached the 備忘価額 (includes a NextYear asset in its acquisition year).</summary>
    Depreciating,

    /// <summary>Book value is the 備忘価額 (1円) at the year end, including the year the useful life ends.</summary>
    FullyDepreciated,

    /// <summary>取得年月日 unknown: no schedule can be computed; callers count and exclude these.</summary>
    Unknown,
}

/// <summary>An item's figures at the end of a fiscal year (年度末), in yen.</summary>
/// <param name="Status">Whether and how the item is depreciated at that year end.</param>
/// <param name="Cost">取得価額等 (0 when not on the books).</param>
/// <param name="Accumulated">減価償却累計額.</param>
/// <param name="BookValue">帳簿価額 = Cost − Accumulated.</param>
/// <param name="Charge">減価償却費 of the year = Accumulated(n) − Accumulated(n−1).</param>
public sealed record Position(PositionStatus Status, decimal Cost, decimal Accumulated, decimal BookValue, decimal Charge);

/// <summary>定額法 (straight-line) depreciation under the 統一的な基準 (register-and-depreciation.md §5).</summary>
public static class StraightLine
{
    private static readonly Position NotOnBooks = new(PositionStatus.NotOnBooks, 0m, 0m, 0m, 0m);

    /// <summary>The item's position at the end of <paramref name="year"/>, in O(1) whatever the age of the asset.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative cost or life: input validation should have refused it.</exception>
    public static Position AsOf(DepreciableItem item, FiscalYear year, DepreciationPolicy policy)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item.Cost, nameof(item));
        if (item.UsefulLife is { } lifeValue)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(lifeValue, nameof(item));
        }

        // §2 除却年月日: a disposal during FY n takes the item off the books at that year end, so it shows no charge for
        // the disposal year. [U] Whether the disposal year bears a (pro-rata) charge is not stated by the sources.
        if (item.DisposalDate is { } disposed && disposed <= year.End)
        {
            return NotOnBooks;
        }

        if (item.AcquisitionDate is not { } acquired)
        {
            return new(PositionStatus.Unknown, item.Cost, 0m, item.Cost, 0m);
        }

        if (acquired > year.End)
        {
            return NotOnBooks;
        }

        // §5: only items with a useful life are depreciated. A life of 0 means "no schedule" (e.g. an unfilled cell), not
        // "expense at once": the 統一的な基準 capitalises only what it depreciates over years. An item at or below the
        // 備忘価額 has nothing to depreciate.
        if (!item.Depreciable || item.UsefulLife is null or 0 || item.Cost <= policy.MemoValue)
        {
            return new(PositionStatus.NonDepreciable, item.Cost, 0m, item.Cost, 0m);
        }

        var schedule = Schedule.Of(item.Cost, item.UsefulLife.Value, acquired, policy);
        var age = year.Year - FiscalYear.Of(acquired).Year; // 0 = the acquisition year
        var accumulated = schedule.AccumulatedAfter(age);
        var charge = accumulated - schedule.AccumulatedAfter(age - 1);
        var status = accumulated == schedule.Ceiling ? PositionStatus.FullyDepreciated : PositionStatus.Depreciating;
        return new(status, item.Cost, accumulated, item.Cost - accumulated, charge);
    }

    /// <param name="First">The charge of the first charged year.</param>
    /// <param name="Annual">取得価額 ÷ 耐用年数, rounded to whole yen.</param>
    /// <param name="FirstAge">Age (years after the acquisition year) of the first charged year.</param>
    /// <param name="LastAge">Age of the year in which the useful life ends.</param>
    /// <param name="Ceiling">The most that may be accumulated: cost − 備忘価額.</param>
    private readonly record struct Schedule(decimal First, decimal Annual, int FirstAge, int LastAge, decimal Ceiling)
    {
        public static Schedule Of(decimal cost, int life, DateOnly acquired, DepreciationPolicy policy)
        {
            // §5: charge = 取得価額 ÷ 耐用年数, residual 0, rounded to whole yen by the tenant's rule. [U] rate source (§7 point 2)
            // and rounding rule (§7 point 1).
            var annual = policy.RoundYen(cost / life);
            var ceiling = cost - policy.MemoValue;
            return policy.FirstYear switch
            {
                // [U] §5 first-year convention: nothing in the acquisition year; the life ends in its Life-th charged year.
                FirstYearConvention.NextYear => new(annual, annual, 1, life, ceiling),

                // [U] a full year in the acquisition year; the life ends in the Life-th year counting that one.
                FirstYearConvention.FullYear => new(annual, annual, 0, life - 1, ceiling),

                // [U] months from the acquisition month to March; the life ends in the year the months reach Life × 12:
                // Life years later when the first year was partial, Life − 1 when it was whole (acquired in April).
                FirstYearConvention.MonthlyProRata => FiscalYear.MonthsFrom(acquired) is var months && months == 12
                    ? new(annual, annual, 0, life - 1, ceiling)
                    : new(policy.RoundYen(annual * months / 12), annual, 0, life, ceiling),

                _ => throw new InvalidOperationException($"初年度の償却方法 {policy.FirstYear} は定義されていません。"),
            };
        }

        /// <summary>減価償却累計額 at the end of the year of the given age.</summary>
        public decimal AccumulatedAfter(int age)
        {
            if (age < FirstAge)
            {
                return 0m;
            }

            // §5 備忘価額: the year the life ends takes the book value to exactly 1円 whatever the rounding, and no year
            // takes it below 1円 (with Ceiling rounding the cap can be reached before the life ends).
            if (age >= LastAge)
            {
                return Ceiling;
            }

            return Math.Min(First + ((decimal)(age - FirstAge) * Annual), Ceiling);
        }
    }
}
