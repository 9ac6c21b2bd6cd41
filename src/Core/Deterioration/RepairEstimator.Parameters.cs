namespace InfraLedger.Core.Deterioration;

public static partial class RepairEstimator
{
    /// <summary>ψ = (log θ_1 … log θ_{J−1}, log ρ_e for each repair e), 0-based states.</summary>
    private sealed record Parameters(int States, IReadOnlyList<(int From, int To)> Repairs)
    {
        public (int From, int To) Edge(int k) => k < States - 1 ? (k, k + 1) : Repairs[k - (States - 1)];

        public double[,] Generator(double[] psi)
        {
            var q = new double[States, States];
            for (var k = 0; k < psi.Length; k++)
            {
                var (from, to) = Edge(k);
                var rate = Math.Exp(psi[k]);
                q[from, to] += rate;
                q[from, from] -= rate;
            }

            return q;
        }

        /// <summary>z·∂Q/∂rate of one transition: +z at (from, to), −z on the diagonal.</summary>
        public static double[,] Direction(int states, (int From, int To) e, double years)
        {
            var d = new double[states, states];
            d[e.From, e.To] = years;
            d[e.From, e.From] = -years;
            return d;
        }

        /// <summary>Crude rates: (moves out + ½) / (years observed from the state + 1), split over the moves seen.</summary>
        public double[] Start(List<Group> data)
        {
            var exposure = new double[States];
            var moves = new double[States, States];
            foreach (var g in data)
            {
                for (var i = 0; i < States; i++)
                {
                    for (var j = 0; j < States; j++)
                    {
                        exposure[i] += (g.Counts[i, j] + g.Exact[i, j]) * g.Years;
                        moves[i, j] += g.Counts[i, j] + g.Exact[i, j];
                    }
                }
            }

            return [.. Enumerable.Range(0, (States - 1) + Repairs.Count).Select(k =>
            {
                var (from, to) = Edge(k);
                var worse = k < States - 1 ? Enumerable.Range(from + 1, States - from - 1).Sum(j => moves[from, j]) : moves[from, to];
                return Math.Log((worse + 0.5) / (exposure[from] + 1));
            })];
        }

        public (Parameters, double[]) Without(IReadOnlyCollection<(int From, int To)> gone, double[] psi)
        {
            var keep = Repairs.Select((e, r) => (e, r)).Where(x => !gone.Contains(x.e)).ToList();
            return (this with { Repairs = [.. keep.Select(x => x.e)] }, [.. psi.Take(States - 1), .. keep.Select(x => psi[States - 1 + x.r])]);
        }

        public (Parameters, double[]) With(IReadOnlyCollection<(int From, int To)> back, double[] psi) =>
            (this with { Repairs = [.. Repairs, .. back] }, [.. psi, .. back.Select(_ => Math.Log(1e-3))]);
    }
}
