using System.Text.Json;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Deterioration;

/// <summary>A tenant's stored deterioration model for one asset kind: fitted from its own inspections, pooled over a wide-area group, or imported.</summary>
public sealed class DeteriorationModel : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    public AssetKind Kind { get; init; }

    /// <summary>The grade scheme whose levels are the states.</summary>
    public required string Scheme { get; set; }

    /// <summary>Where it comes from, in Japanese (自団体の点検から推定, 広域グループ「…」の共同推定, 取込: file).</summary>
    public required string Source { get; set; }

    public long? GroupId { get; set; }

    /// <summary><see cref="HazardFit"/> as JSON (<see cref="ToJson"/>).</summary>
    public required string Parameters { get; set; }

    public DateTime FittedAtUtc { get; set; }

    public HazardFit Fit() => FromJson(Parameters);

    private sealed record Stored(int States, string[] Covariates, double[][] Beta, double[][] Covariance, double[] Means, double LogLikelihood, int Pairs, int Iterations);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string ToJson(HazardFit fit) => JsonSerializer.Serialize(
        new Stored(fit.States, [.. fit.CovariateNames], Jagged(fit.Beta), Jagged(fit.Covariance), [.. fit.CovariateMeans], fit.LogLikelihood, fit.Pairs, fit.Iterations), Options);

    /// <summary>Reads a model written by <see cref="ToJson"/> (also the format of an imported model file); throws <see cref="JsonException"/> when it is not one.</summary>
    public static HazardFit FromJson(string json)
    {
        var s = JsonSerializer.Deserialize<Stored>(json, Options) ?? throw new JsonException("空のモデルです。");
        if (s.Covariates is null || s.Beta is null || s.Covariance is null || s.Means is null || s.Beta.Any(r => r is null) || s.Covariance.Any(r => r is null))
        {
            throw new JsonException("states, covariates, beta, covariance, means のいずれかがありません。");
        }

        var width = s.Covariates.Length + 1;
        var n = (s.States - 1) * width;
        if (s.States < 2 || s.Beta.Length != s.States - 1 || s.Beta.Any(r => r.Length != width) || s.Means.Length != s.Covariates.Length
            || s.Covariance.Length != n || s.Covariance.Any(r => r.Length != n) || s.Beta.SelectMany(r => r).Any(b => !double.IsFinite(b)))
        {
            throw new JsonException("状態の数・係数・共分散の大きさが合いません。");
        }

        return new HazardFit(s.States, s.Covariates, Rect(s.Beta), Rect(s.Covariance), s.Means, s.LogLikelihood, s.Pairs, s.Iterations);
    }

    private static double[][] Jagged(double[,] m) =>
        [.. Enumerable.Range(0, m.GetLength(0)).Select(i => Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j]).ToArray())];

    private static double[,] Rect(double[][] rows)
    {
        var r = new double[rows.Length, rows.Length == 0 ? 0 : rows[0].Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows[i].Length; j++)
            {
                r[i, j] = rows[i][j];
            }
        }

        return r;
    }
}
