namespace InfraLedger.Core.Maintenance;

/// <summary>One option in a state of the maintenance MDP: the state after the decision (itself for doing nothing) and its cost that year (treatment plus risk).</summary>
/// <param name="Name">What the option is (「何もしない」 or a treatment's name).</param>
/// <param name="After">The state after the decision (0-based).</param>
/// <param name="Cost">Its cost in the year of the decision.</param>
public sealed record MdpAction(string Name, int After, double Cost);

/// <summary>An optimal stationary policy: the chosen option per state, its exact discounted cost V*, and how many sweeps or improvements it took.</summary>
public sealed record MdpSolution(IReadOnlyList<int> Choice, IReadOnlyList<double> Values, int Iterations);

/// <summary>
/// The discounted maintenance MDP of one asset kind (inspections-and-deterioration.md §13, maintenance-planning.md E2):
/// in every state the options of <see cref="Actions"/>, then one year of the kind's deterioration. Solved exactly by
/// value iteration and by policy iteration; <see cref="MdpLinearProgram"/> solves the same MDP as a linear programme.
/// </summary>
public sealed class Mdp
{
    /// <summary>Relative tolerance under which two option values count as equal (the earlier option wins: doing nothing first).</summary>
    private const double Tie = 1e-10;

    public Mdp(double[,] oneYear, IReadOnlyList<IReadOnlyList<MdpAction>> actions, double rate)
    {
        if (actions.Count != oneYear.GetLength(0) || actions.Any(a => a.Count == 0) || actions.SelectMany(a => a).Any(a => a.After < 0 || a.After >= actions.Count))
        {
            throw new ArgumentException("every state needs at least one option with a state after inside the scale");
        }

        if (!(rate > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), "the discounted MDP needs a positive rate");
        }

        OneYear = oneYear;
        Actions = actions;
        Rate = rate;
    }

    public double[,] OneYear { get; }

    public IReadOnlyList<IReadOnlyList<MdpAction>> Actions { get; }

    public double Rate { get; }

    public int States => Actions.Count;

    /// <summary>The chain of a choice of one option per state.</summary>
    public PolicyChain Chain(IReadOnlyList<int> choice) =>
        new(OneYear, [.. choice.Select((a, s) => Actions[s][a].After)], [.. choice.Select((a, s) => Actions[s][a].Cost)]);

    /// <summary>Bellman updates until the change is below what moves the greedy policy, then that policy evaluated exactly.</summary>
    public MdpSolution ValueIteration(double tolerance = 1e-12)
    {
        var gamma = PolicyChain.Discount(Rate);
        var v = new double[States];
        var iterations = 0;
        double change;
        do
        {
            var next = new double[States];
            for (var s = 0; s < States; s++)
            {
                next[s] = Actions[s].Min(a => Q(a, v, gamma));
            }

            change = next.Select((x, s) => Math.Abs(x - v[s]) / Math.Max(1, Math.Abs(x))).Max();
            v = next;
            iterations++;
        }
        while (change > tolerance && iterations < 100_000);

        var choice = Greedy(v, gamma, null);
        return new MdpSolution(choice, Chain(choice).Discounted(Rate), iterations);
    }

    /// <summary>Howard's policy iteration from "first option everywhere": exact evaluation, greedy improvement, until no state changes.</summary>
    public MdpSolution PolicyIteration()
    {
        var gamma = PolicyChain.Discount(Rate);
        var choice = new int[States];
        for (var iterations = 1; ; iterations++)
        {
            var v = Chain(choice).Discounted(Rate);
            var better = Greedy(v, gamma, choice);
            if (better.SequenceEqual(choice) || iterations > 1000)
            {
                return new MdpSolution(choice, v, iterations);
            }

            choice = better;
        }
    }

    /// <summary>The option of least c + γ·P[after]·V per state; within <see cref="Tie"/> the current option (if any), else the earliest.</summary>
    private int[] Greedy(double[] v, double gamma, int[]? current)
    {
        var choice = new int[States];
        for (var s = 0; s < States; s++)
        {
            var q = Actions[s].Select(a => Q(a, v, gamma)).ToArray();
            var best = q.Min();
            bool Near(int a) => q[a] - best <= Tie * Math.Max(1, Math.Abs(best));
            choice[s] = current is not null && Near(current[s]) ? current[s] : Enumerable.Range(0, q.Length).First(Near);
        }

        return choice;
    }

    private double Q(MdpAction a, double[] v, double gamma)
    {
        var expected = 0.0;
        for (var j = 0; j < States; j++)
        {
            expected += OneYear[a.After, j] * v[j];
        }

        return a.Cost + (gamma * expected);
    }
}
