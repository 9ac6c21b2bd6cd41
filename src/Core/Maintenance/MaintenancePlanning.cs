using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Maintenance;

/// <summary>Every policy of a kind's library evaluated for the tenant's stock, and the optimal policy of the kind's MDP.</summary>
public sealed record PolicyComparison(
    LibraryRef Library, DeteriorationModel Model, int BaseYear, int Years, double Rate, IReadOnlyList<StockResult> Results, OptimalPolicy? Optimal);

/// <summary>The MDP's optimum for a reference facility of the stock (its median measures), by value iteration, policy iteration and the LP.</summary>
public sealed record OptimalPolicy(StockItem Reference, Mdp Mdp, MdpSolution ValueIteration, MdpSolution PolicyIteration, MdpSolution LinearProgram)
{
    public bool Agree => ValueIteration.Choice.SequenceEqual(PolicyIteration.Choice) && ValueIteration.Choice.SequenceEqual(LinearProgram.Choice);
}

/// <summary>The current tenant's life-cycle cost: its stock of a kind under each policy of its library, on its deterioration model.</summary>
public static class MaintenancePlanning
{
    public static async Task<Result<PolicyComparison>> CompareAsync(AppDbContext db, AssetKind kind, int years, double rate, int baseYear, CancellationToken ct)
    {
        if (years is < 1 or > 200)
        {
            return Errors.YearsInvalid(years.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!(rate > 0 && rate <= 1))
        {
            return Errors.RateInvalid(rate.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (await Libraries.LoadAsync(db, kind, ct) is not { } library)
        {
            return Errors.KindInvalid(kind.ToString());
        }

        if (await DeteriorationModels.FindAsync(db, kind, ct) is not { } model)
        {
            return Errors.NoModel(FacilityRegister.KindLabel(kind));
        }

        var oneYear = model.Fit().Chain().Transition(1);
        if (oneYear.GetLength(0) != library.Library.Levels)
        {
            return Errors.StatesDiffer(oneYear.GetLength(0), library.Library.Levels);
        }

        var stock = await StockAsync(db, kind, baseYear, ct);
        var results = library.Library.Policies.Select(p => StockEvaluation.Evaluate(oneYear, library.Library, p, stock, years, rate)).ToList();
        return new PolicyComparison(library, model, baseYear, years, rate, results, Optimal(oneYear, library.Library, stock, rate));
    }

    /// <summary>The tenant's facilities of a kind in service, with their latest grade on the kind's scale and their age at <paramref name="baseYear"/>.</summary>
    public static async Task<List<StockItem>> StockAsync(AppDbContext db, AssetKind kind, int baseYear, CancellationToken ct)
    {
        var grades = (await Inspections.InspectionRecords.LatestGradesAsync(db, ct)).Where(g => g.Kind == kind).ToDictionary(g => g.FacilityCode, g => g.Grade, StringComparer.Ordinal);
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.Kind == kind && f.Status == FacilityStatus.InService)
            .OrderBy(f => f.Code).Select(f => new { f.Code, f.Quantity, f.QuantityKind, f.Width, f.Diameter, f.YearBuilt }).ToListAsync(ct);
        return [.. facilities.Select(f => new StockItem(
            f.Code,
            grades.TryGetValue(f.Code, out var g) ? g : null,
            f.YearBuilt is { } y ? baseYear - y : null,
            f.QuantityKind is QuantityKind.Area or QuantityKind.FloorArea ? (double?)f.Quantity
                : f.QuantityKind == QuantityKind.Length && f.Width is { } w ? (double?)(f.Quantity * w) : null,
            f.QuantityKind == QuantityKind.Length ? (double?)f.Quantity : null,
            f.Diameter))];
    }

    /// <summary>
    /// The kind's discounted MDP for a facility of the stock's median measures: in each state doing nothing (unless the
    /// library requires action there) or any treatment that applies, each with the risk cost of the state after.
    /// </summary>
    public static OptimalPolicy? Optimal(double[,] oneYear, TreatmentLibrary library, IReadOnlyList<StockItem> stock, double rate)
    {
        static double? Median(IEnumerable<double?> xs) => xs.Where(x => x > 0).Select(x => x!.Value).Order().ToList() is { Count: > 0 } l ? l[l.Count / 2] : null;
        static int? MedianInt(IEnumerable<int?> xs) => xs.Where(x => x > 0).Select(x => x!.Value).Order().ToList() is { Count: > 0 } l ? l[l.Count / 2] : null;
        var reference = new StockItem("（代表施設）", null, null, Median(stock.Select(f => f.Area)) ?? 1, Median(stock.Select(f => f.Length)) ?? 1, MedianInt(stock.Select(f => f.Diameter)));
        var actions = new List<IReadOnlyList<MdpAction>>();
        for (var s = 1; s <= library.Levels; s++)
        {
            var options = new List<MdpAction>();
            if (!(library.RequiredStates ?? []).Contains(s))
            {
                options.Add(new MdpAction("何もしない", s - 1, Risk(library, reference, s)));
            }

            foreach (var t in library.Treatments.Where(t => t.States.Contains(s)))
            {
                var (cost, skip) = reference.Price(t.Cost);
                if (skip is null)
                {
                    var after = t.Effect.After(s);
                    options.Add(new MdpAction(t.Name, after - 1, cost + Risk(library, reference, after)));
                }
            }

            if (options.Count == 0)
            {
                return null;
            }

            actions.Add(options);
        }

        var mdp = new Mdp(oneYear, actions, rate);
        return new OptimalPolicy(reference, mdp, mdp.ValueIteration(), mdp.PolicyIteration(), MdpLinearProgram.Solve(mdp));
    }

    private static double Risk(TreatmentLibrary library, StockItem facility, int state) =>
        library.Risk is { } r ? facility.Price(new CostRule(r.Unit, r.PerYear[state - 1])).Cost : 0;
}
