namespace InfraLedger.Core.Deterioration;

/// <summary>The few dense-matrix operations the hazard model needs (small matrices: one row per condition state).</summary>
public static class Matrix
{
    public static double[,] Identity(int n)
    {
        var r = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            r[i, i] = 1;
        }

        return r;
    }

    public static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), m = a.GetLength(1), p = b.GetLength(1);
        var r = new double[n, p];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < m; k++)
            {
                var aik = a[i, k];
                if (aik == 0)
                {
                    continue;
                }

                for (var j = 0; j < p; j++)
                {
                    r[i, j] += aik * b[k, j];
                }
            }
        }

        return r;
    }

    public static double[,] Add(double[,] a, double[,] b) => Combine((1, a), (1, b));

    public static double[,] Scale(double[,] a, double factor) => Combine((factor, a));

    /// <summary>Σ c_k · M_k.</summary>
    public static double[,] Combine(params (double Factor, double[,] M)[] terms)
    {
        int n = terms[0].M.GetLength(0), m = terms[0].M.GetLength(1);
        var r = new double[n, m];
        foreach (var (factor, a) in terms)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < m; j++)
                {
                    r[i, j] += factor * a[i, j];
                }
            }
        }

        return r;
    }

    /// <summary>Largest column sum of absolute values.</summary>
    public static double Norm1(double[,] a)
    {
        var max = 0.0;
        for (var j = 0; j < a.GetLength(1); j++)
        {
            var sum = 0.0;
            for (var i = 0; i < a.GetLength(0); i++)
            {
                sum += Math.Abs(a[i, j]);
            }

            max = Math.Max(max, sum);
        }

        return max;
    }

    /// <summary>X with A·X = B; throws when A is singular (a bug for the callers that use it).</summary>
    public static double[,] Solve(double[,] a, double[,] b) =>
        TrySolve(a, b) ?? throw new InvalidOperationException("singular matrix");

    /// <summary>X with A·X = B by Gaussian elimination with partial pivoting; null when A is (numerically) singular.</summary>
    public static double[,]? TrySolve(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), m = b.GetLength(1);
        var lu = (double[,])a.Clone();
        var x = (double[,])b.Clone();
        var scale = Norm1(a);
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++)
            {
                if (Math.Abs(lu[r, c]) > Math.Abs(lu[pivot, c]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(lu[pivot, c]) <= 1e-14 * scale)
            {
                return null;
            }

            if (pivot != c)
            {
                SwapRows(lu, pivot, c);
                SwapRows(x, pivot, c);
            }

            for (var r = c + 1; r < n; r++)
            {
                var f = lu[r, c] / lu[c, c];
                if (f == 0)
                {
                    continue;
                }

                for (var k = c; k < n; k++)
                {
                    lu[r, k] -= f * lu[c, k];
                }

                for (var k = 0; k < m; k++)
                {
                    x[r, k] -= f * x[c, k];
                }
            }
        }

        for (var c = n - 1; c >= 0; c--)
        {
            for (var k = 0; k < m; k++)
            {
                var sum = x[c, k];
                for (var j = c + 1; j < n; j++)
                {
                    sum -= lu[c, j] * x[j, k];
                }

                x[c, k] = sum / lu[c, c];
            }
        }

        return x;
    }

    private static void SwapRows(double[,] a, int r1, int r2)
    {
        for (var k = 0; k < a.GetLength(1); k++)
        {
            (a[r1, k], a[r2, k]) = (a[r2, k], a[r1, k]);
        }
    }
}
