using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Maintenance;
using InfraLedger.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Planning;

/// <summary>One asset kind of a plan: its model's one-year matrix, library, policy and stock.</summary>
internal sealed record PlanKind(AssetKind Kind, string Label, double[,] OneYear, LibraryRef Library, PolicySpec Policy, IReadOnlyList<StockItem> Stock, IReadOnlyList<string> Levels);

/// <summary>One candidate of the network with what the result needs: its kind, the proposal, the state distribution per plan year after works.</summary>
internal sealed record PlanOption(PlanKind? Kind, ProposedCandidate? Proposal, string Category, double[][] Distributions);

/// <summary>
/// The tenant's network for a plan run, read from the register: per asset kind with a deterioration model, the
/// facilities in service with their last grade, the candidates of the kind's policy (ADR 0024) in each year that has a
/// budget, one copy per funding source of that year (the solver chooses who pays; one per facility keeps them
/// exclusive), each facility's state distribution per year with and without each candidate, and the risk ranking.
/// </summary>
internal sealed class PlanNetwork
{
    public List<PlanKind> Kinds { get; } = [];

    public List<string> Basis { get; } = [];

    public Dictionary<string, string> Names { get; private set; } = [];

    /// <summary>Facility → (kind, item, distributions without works per plan year).</summary>
    public Dictionary<string, (PlanKind Kind, StockItem Item, double[][] Untreated)> Facilities { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Skipped { get; } = new(StringComparer.Ordinal);

    public List<Candidate> Candidates { get; } = [];

    public List<PlanOption> Options { get; } = [];

    public Dictionary<string, RiskEntry> Risk { get; } = new(StringComparer.Ordinal);

    public static async Task<PlanNetwork> LoadAsync(AppDbContext db, PlanInputs inputs, ConsequenceSettings settings, CancellationToken ct)
    {
        var network = new PlanNetwork
        {
            Names = await db.Facilities.AsNoTracking().Select(f => new { f.Code, f.Name }).ToDictionaryAsync(f => f.Code, f => f.Name, StringComparer.Ordinal, ct),
        };
        var scales = await Inspections.GradeScales.LoadAsync(db, ct);
        foreach (var preset in LibraryPresets.All)
        {
            var kind = preset.AssetKind;
            var label = FacilityRegister.KindLabel(kind);
            if (await DeteriorationModels.FindAsync(db, kind, ct) is not { } model || await Libraries.LoadAsync(db, kind, ct) is not { } library)
            {
                continue;
            }

            var oneYear = model.Fit().Chain().Transition(1);
            var policy = inputs.Policy is { } name ? library.Library.Policy(name)
                : library.Library.Policy(PlanRun.DefaultPolicy) ?? library.Library.Policies.FirstOrDefault(p => p.Type != PolicyType.Age);
            if (oneYear.GetLength(0) != library.Library.Levels || policy is null || policy.Type == PolicyType.Age)
            {
                network.Basis.Add($"{label}: {(policy is null ? $"方針「{inputs.Policy ?? PlanRun.DefaultPolicy}」がないため" : "状態による方針でないか区分の数が合わないため")}計画の対象外");
                continue;
            }

            var stock = await MaintenancePlanning.StockAsync(db, kind, inputs.FirstYear, ct);
            if (stock.Count == 0)
            {
                continue;
            }

            var pk = new PlanKind(kind, label, oneYear, library, policy, stock, scales.For(kind).Levels);
            network.Kinds.Add(pk);
            network.Basis.Add($"{label}: 劣化モデル {model.Source}、{library.Label}、方針「{policy.Name}」、施設 {stock.Count} 件");
            network.Add(pk, inputs);
        }

        return network;
    }

    private void Add(PlanKind kind, PlanInputs inputs)
    {
        var sources = inputs.Budgets.GroupBy(b => b.Year).ToDictionary(g => g.Key, g => g.Select(b => b.Source).Order(StringComparer.Ordinal).ToList());
        foreach (var item in kind.Stock)
        {
            var (proposed, skip) = CandidateBuilder.For(kind.OneYear, kind.Library.Library, kind.Policy, item, inputs.Horizon, inputs.Rate, inputs.FirstYear);
            if (skip is not null)
            {
                Skipped[item.Code] = skip;
                if (item.State is null)
                {
                    continue;
                }
            }

            var untreated = Untreated(kind.OneYear, item.State!.Value, inputs.Horizon);
            Facilities[item.Code] = (kind, item, untreated);
            foreach (var p in proposed)
            {
                var treatment = kind.Library.Library.Find(p.Candidate.Treatment)!;
                var treated = Treated(kind.OneYear, untreated, p.Candidate.Year - inputs.FirstYear, treatment.Effect);
                foreach (var source in sources.GetValueOrDefault(p.Candidate.Year) ?? [])
                {
                    Candidates.Add(p.Candidate with { Source = source });
                    Options.Add(new PlanOption(kind, p, TreatmentLibrary.Label(treatment.Category), treated));
                }
            }
        }
    }

    /// <summary>The risk ranking over every kind (risk, then the worse state, then the code), with the facilities' attributes.</summary>
    public void Rank(ConsequenceSettings settings, IReadOnlyDictionary<string, Dictionary<string, decimal>> values)
    {
        var entries = Kinds.SelectMany(k => RiskRanking.Rank(k.OneYear,
            k.Stock.Where(i => Facilities.ContainsKey(i.Code)).Select(i => new RiskFacility(i, settings.Held(values.GetValueOrDefault(i.Code)))), settings.Risk));
        var ranked = entries.OrderByDescending(r => r.Risk).ThenByDescending(r => r.State).ThenBy(r => r.Facility, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ranked.Count; i++)
        {
            Risk[ranked[i].Facility] = ranked[i] with { Rank = i + 1 };
        }
    }

    /// <summary>The distribution at the start of each plan year without works: e(s₀)·Pᵏ.</summary>
    private static double[][] Untreated(double[,] p, int state, int years)
    {
        var d = new double[years][];
        d[0] = new double[p.GetLength(0)];
        d[0][state - 1] = 1;
        for (var k = 1; k < years; k++)
        {
            d[k] = CandidateBuilder.Step(p, d[k - 1]);
        }

        return d;
    }

    /// <summary>The distribution after each year's works when the treatment is done at the start of plan year <paramref name="t"/>.</summary>
    internal static double[][] Treated(double[,] p, double[][] untreated, int t, TreatmentEffect effect)
    {
        var d = new double[untreated.Length][];
        for (var k = 0; k < t; k++)
        {
            d[k] = untreated[k];
        }

        d[t] = new double[untreated[t].Length];
        for (var s = 0; s < untreated[t].Length; s++)
        {
            d[t][effect.After(s + 1) - 1] += untreated[t][s];
        }

        for (var k = t + 1; k < d.Length; k++)
        {
            d[k] = CandidateBuilder.Step(p, d[k - 1]);
        }

        return d;
    }
}
