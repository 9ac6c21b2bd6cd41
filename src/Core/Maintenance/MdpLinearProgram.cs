using Google.OrTools.LinearSolver;

namespace InfraLedger.Core.Maintenance;

/// <summary>
/// The discounted maintenance MDP as a linear programme, solved by Google OR-Tools' GLOP (the LP route of Pontis and
/// Golabi &amp; Shepard, inspections-and-deterioration.md §13): maximise Σ V(s) subject to
/// V(s) ≤ c(s,a) + γ·Σ P[after(s,a)][j]·V(j) for every state and option. V are the variables; the chosen option of a
/// state is the one whose constraint carries the largest dual value (its discounted occupation measure, positive
/// exactly where the optimal policy acts), so the policy is read from the LP itself, not recomputed from V.
/// </summary>
public static class MdpLinearProgram
{
    public static MdpSolution Solve(Mdp mdp)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools GLOP is not available");
        var gamma = PolicyChain.Discount(mdp.Rate);
        var v = Enumerable.Range(0, mdp.States).Select(s => solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, $"V{s}")).ToArray();
        var constraints = new List<Constraint>[mdp.States];
        for (var s = 0; s < mdp.States; s++)
        {
            constraints[s] = [];
            foreach (var a in mdp.Actions[s])
            {
                // V(s) − γ Σ_j P[after][j] V(j) ≤ c
                var c = solver.MakeConstraint(double.NegativeInfinity, a.Cost);
                for (var j = 0; j < mdp.States; j++)
                {
                    c.SetCoefficient(v[j], (s == j ? 1 : 0) - (gamma * mdp.OneYear[a.After, j]));
                }

                constraints[s].Add(c);
            }
        }

        var objective = solver.Objective();
        foreach (var x in v)
        {
            objective.SetCoefficient(x, 1);
        }

        objective.SetMaximization();
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException($"the MDP's LP ended {status}");
        }

        var choice = new int[mdp.States];
        for (var s = 0; s < mdp.States; s++)
        {
            var best = constraints[s].Select((c, a) => (Dual: Math.Abs(c.DualValue()), a)).MaxBy(x => x.Dual).a;
            // Two options with the same state after and cost are one constraint twice, and the LP may split the
            // occupation between them: name the earlier one (as the iterations do on a tie).
            var chosen = mdp.Actions[s][best];
            choice[s] = mdp.Actions[s].Select((x, a) => (x, a)).First(o => o.x.After == chosen.After && o.x.Cost == chosen.Cost).a;
        }

        return new MdpSolution(choice, [.. v.Select(x => x.SolutionValue())], (int)solver.Iterations());
    }
}
