namespace InfraLedger.Core.Deterioration;

/// <summary>
/// The exponential of a square matrix by scaling and squaring with the [13/13] Padé approximant
/// (Higham, "The scaling and squaring method for the matrix exponential revisited", SIAM J. Matrix Anal. Appl.
/// 26(4), 2005, Algorithm 2.3 with m = 13 only). Works for any generator, equal hazards included.
/// </summary>
public static class MatrixExponential
{
    // Padé [13/13] coefficients b_0 … b_13 and the 1-norm bound θ_13 below which no scaling is needed (Higham 2005, Table 2.3).
    private static readonly double[] B =
    [
        64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000,
        10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
    ];

    private const double Theta13 = 5.371920351148152;

    /// <summary>exp(A) for a square matrix A.</summary>
    public static double[,] Of(double[,] a)
    {
        var n = a.GetLength(0);
        var norm = Matrix.Norm1(a);
        var s = norm > Theta13 ? (int)Math.Ceiling(Math.Log2(norm / Theta13)) : 0;
        var x = Matrix.Scale(a, Math.Pow(2, -s));

        var i = Matrix.Identity(n);
        var x2 = Matrix.Multiply(x, x);
        var x4 = Matrix.Multiply(x2, x2);
        var x6 = Matrix.Multiply(x4, x2);

        var u = Matrix.Multiply(x, Matrix.Add(
            Matrix.Multiply(x6, Matrix.Combine((B[13], x6), (B[11], x4), (B[9], x2))),
            Matrix.Combine((B[7], x6), (B[5], x4), (B[3], x2), (B[1], i))));
        var v = Matrix.Add(
            Matrix.Multiply(x6, Matrix.Combine((B[12], x6), (B[10], x4), (B[8], x2))),
            Matrix.Combine((B[6], x6), (B[4], x4), (B[2], x2), (B[0], i)));

        var r = Matrix.Solve(Matrix.Combine((1, v), (-1, u)), Matrix.Combine((1, v), (1, u)));
        for (var k = 0; k < s; k++)
        {
            r = Matrix.Multiply(r, r);
        }

        return r;
    }
}
