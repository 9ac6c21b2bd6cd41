namespace InfraLedger.Core.Deterioration;

/// <summary>
/// P(z) = expm(Q z) of the bidiagonal generator together with ∂P/∂θ_m for every hazard, for the likelihood. The
/// exponential is summed by uniformisation, P(h) = Σ_n Poisson(n; Λh) Rⁿ with R = I + Q/Λ and Λ = max θ (every term
/// non-negative, so no cancellation and no trouble with equal hazards), on h = z/2^s with Λh ≤ 8, then squared s times
/// with the product rule for the derivatives. Tests compare it with <see cref="MatrixExponential"/>.
/// </summary>
internal static class TransitionSensitivity
{
    private const double MaxStep = 8;

    /// <summary>Fills <paramref name="p"/> (J×J) and <paramref name="dp"/> ((J−1)×J×J) for hazards θ and interval z.</summary>
    public static void Compute(ReadOnlySpan<double> theta, double z, double[,] p, double[,,] dp)
    {
        var n = theta.Length + 1;
        Array.Clear(p);
        Array.Clear(dp);
        var lambda = 0.0;
        foreach (var t in theta)
        {
            lambda = Math.Max(lambda, t);
        }

        if (lambda == 0 || z == 0)
        {
            for (var i = 0; i < n; i++)
            {
                p[i, i] = 1;
            }

            return;
        }

        var squarings = 0;
        var h = z;
        while (lambda * h > MaxStep)
        {
            h /= 2;
            squarings++;
        }

        // Uniformised series on h: T = Rⁿ (upper bidiagonal powers), D_m = ∂Rⁿ/∂θ_m with Λ held fixed (the series equals
        // expm(Qh) for any Λ, so holding it fixed gives the exact derivative).
        var lh = lambda * h;
        var t0 = new double[n, n];
        var d0 = new double[theta.Length, n, n];
        for (var i = 0; i < n; i++)
        {
            t0[i, i] = 1;
        }

        var weight = Math.Exp(-lh);
        var cumulative = 0.0;
        var tNext = new double[n, n];
        var dNext = new double[theta.Length, n, n];
        for (var term = 0; ; term++)
        {
            AddScaled(p, t0, weight);
            for (var m = 0; m < theta.Length; m++)
            {
                for (var i = 0; i <= m; i++)
                {
                    for (var j = i; j < n; j++)
                    {
                        dp[m, i, j] += weight * d0[m, i, j];
                    }
                }
            }

            cumulative += weight;
            if (term > lh && (1 - cumulative < 1e-17 || weight < 1e-300))
            {
                break;
            }

            // next power: X·R where R_jj = 1 − θ_j/Λ, R_j,j+1 = θ_j/Λ (R_JJ = 1)
            for (var i = 0; i < n; i++)
            {
                for (var j = i; j < n; j++)
                {
                    tNext[i, j] = t0[i, j] * Diagonal(theta, j, lambda) + (j > i ? t0[i, j - 1] * theta[j - 1] / lambda : 0);
                }
            }

            for (var m = 0; m < theta.Length; m++)
            {
                for (var i = 0; i <= m + 1 && i < n; i++)
                {
                    for (var j = i; j < n; j++)
                    {
                        dNext[m, i, j] = d0[m, i, j] * Diagonal(theta, j, lambda) + (j > i ? d0[m, i, j - 1] * theta[j - 1] / lambda : 0);
                    }

                    // + Rⁿ·∂R/∂θ_m: column m of Rⁿ moves from m (−1/Λ) to m+1 (+1/Λ)
                    if (i <= m)
                    {
                        dNext[m, i, m] -= t0[i, m] / lambda;
                        dNext[m, i, m + 1] += t0[i, m] / lambda;
                    }
                }
            }

            (t0, tNext) = (tNext, t0);
            (d0, dNext) = (dNext, d0);
            weight *= lh / (term + 1);
        }

        for (var s = 0; s < squarings; s++)
        {
            Square(p, dp, n, theta.Length);
        }
    }

    private static double Diagonal(ReadOnlySpan<double> theta, int j, double lambda) =>
        j < theta.Length ? 1 - theta[j] / lambda : 1;

    private static void AddScaled(double[,] target, double[,] x, double factor)
    {
        var n = target.GetLength(0);
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                target[i, j] += factor * x[i, j];
            }
        }
    }

    /// <summary>P ← P·P and ∂P ← ∂P·P + P·∂P (upper triangular).</summary>
    private static void Square(double[,] p, double[,,] dp, int n, int hazards)
    {
        var np = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                var sum = 0.0;
                for (var k = i; k <= j; k++)
                {
                    sum += p[i, k] * p[k, j];
                }

                np[i, j] = sum;
            }
        }

        var nd = new double[n, n];
        for (var m = 0; m < hazards; m++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = i; j < n; j++)
                {
                    var sum = 0.0;
                    for (var k = i; k <= j; k++)
                    {
                        sum += dp[m, i, k] * p[k, j] + p[i, k] * dp[m, k, j];
                    }

                    nd[i, j] = sum;
                }
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = i; j < n; j++)
                {
                    dp[m, i, j] = nd[i, j];
                }
            }
        }

        Array.Copy(np, p, np.Length);
    }
}
