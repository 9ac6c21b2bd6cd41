using System.Diagnostics;
using System.Globalization;
using System.Text;
using InfraLedger.Core.Deterioration;

namespace InfraLedger.Tests;

/// <summary>
/// Runs R's msm (CRAN, GPL ≥ 2; Debian packages r-base-core and r-cran-msm, installed by scripts/test) on the same
/// pairs as our estimator, as the domain doc §14.1 says: each pair one subject with two observations (time 0 in state
/// i, time z in state j), a qmatrix with only the i→i+1 intensities, obstype 1 (panel; 3 when the pair ends at a work that improved: an exact entry from an unseen state), fnscale = number of pairs,
/// covariates on every intensity through the exponential link, not centred. Only the msm() call is timed. No Hessian:
/// the tests compare estimates and log-likelihoods, not msm's standard errors, and the Hessian took about half of msm().
/// Without Rscript or msm this throws: the tests that use it fail, they do not skip.
/// </summary>
public static class Msm
{
    /// <summary>msm's estimates: log baseline intensity and covariate effects per transition (like <see cref="HazardFit.Beta"/>), log-likelihood, seconds of msm().</summary>
    public sealed record Fit(double[,] Beta, double LogLikelihood, double Seconds)
    {
        /// <summary>The baseline intensities q_ij (1-based states as 0-based indices), every allowed transition.</summary>
        public double[,] Intensities { get; init; } = new double[0, 0];
    }

    private const string Script = """
        suppressPackageStartupMessages(library(msm))
        args <- commandArgs(trailingOnly = TRUE)
        d <- read.csv(args[1])
        J <- as.integer(args[2])
        reltol <- as.numeric(args[3])
        repairs <- if (length(args) > 3 && nchar(args[4]) > 0) lapply(strsplit(strsplit(args[4], ";")[[1]], "-"), as.integer) else list()
        covs <- setdiff(names(d), c("from", "to", "years", "exact"))
        n <- nrow(d)
        long <- data.frame(id = rep(seq_len(n), each = 2), time = as.vector(rbind(0, d$years)),
                           state = as.vector(rbind(d$from, d$to)), obstype = as.vector(rbind(1, ifelse(d$exact == 1, 3, 1))))
        for (cv in covs) long[[cv]] <- rep(d[[cv]], each = 2)
        Q <- matrix(0, J, J)
        for (i in 1:(J - 1)) Q[i, i + 1] <- 0.1
        for (r in repairs) Q[r[1], r[2]] <- 0.01
        Q <- crudeinits.msm(state ~ time, subject = id, data = long, qmatrix = Q)
        for (i in 1:(J - 1)) if (!(Q[i, i + 1] > 0)) Q[i, i + 1] <- 0.1
        for (r in repairs) if (!(Q[r[1], r[2]] > 0)) Q[r[1], r[2]] <- 0.01
        fixed <- length(args) > 4 && nchar(args[5]) > 0
        if (fixed) for (e in strsplit(strsplit(args[5], ";")[[1]], "/")) Q[as.integer(e[1]), as.integer(e[2])] <- as.numeric(e[3])
        form <- if (length(covs) > 0) as.formula(paste("~", paste(covs, collapse = " + "))) else NULL
        elapsed <- system.time(fit <- msm(state ~ time, subject = id, data = long, qmatrix = Q, obstype = obstype,
                                          covariates = form, center = FALSE, fixedpars = fixed, hessian = FALSE,
                                          control = list(fnscale = n, reltol = reltol, maxit = 10000)))[["elapsed"]]
        cat(sprintf("seconds=%.17g\n", elapsed))
        cat(sprintf("loglik=%.17g\n", -fit$minus2loglik / 2))
        for (i in 1:(J - 1)) {
          cat(sprintf("beta=%d,0,%.17g\n", i, log(fit$Qmatrices$baseline[i, i + 1])))
          k <- 0
          for (cv in covs) { k <- k + 1; cat(sprintf("beta=%d,%d,%.17g\n", i, k, fit$Qmatrices[[cv]][i, i + 1])) }
        }
        for (i in 1:J) for (j in 1:J) if (i != j && Q[i, j] > 0) cat(sprintf("q=%d,%d,%.17g\n", i, j, fit$Qmatrices$baseline[i, j]))
        """;

    /// <summary>Fits with msm; <paramref name="reltol"/> is optim's relative tolerance (R's default is 1.5e-8).</summary>
    public static Fit Run(IReadOnlyList<InspectionPair> pairs, int states, IReadOnlyList<string>? covariates = null, double reltol = 1.5e-8) =>
        Run(pairs, states, [], covariates, reltol);

    /// <summary>
    /// Fits with msm, the qmatrix also allowing the repairs <paramref name="repairs"/> (1-based from, to; the pairs may
    /// improve). With <paramref name="at"/> (a generator, no covariates) msm does not fit: it evaluates its
    /// log-likelihood at those intensities (fixedpars).
    /// </summary>
    public static Fit Run(IReadOnlyList<InspectionPair> pairs, int states, IReadOnlyList<(int From, int To)> repairs,
        IReadOnlyList<string>? covariates = null, double reltol = 1.5e-8, double[,]? at = null)
    {
        covariates ??= [];
        var directory = Directory.CreateTempSubdirectory("infraledger-msm-");
        try
        {
            var data = Path.Combine(directory.FullName, "pairs.csv");
            var script = Path.Combine(directory.FullName, "fit.R");
            File.WriteAllText(script, Script);
            var csv = new StringBuilder("from,to,years,exact");
            foreach (var c in covariates)
            {
                csv.Append(',').Append(c);
            }

            csv.Append('\n');
            foreach (var p in pairs)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{p.From},{p.To},{p.Years:R},{(p.ByWork ? 1 : 0)}");
                foreach (var x in p.Covariates ?? [])
                {
                    csv.Append(CultureInfo.InvariantCulture, $",{x:R}");
                }

                csv.Append('\n');
            }

            File.WriteAllText(data, csv.ToString());
            var allowed = string.Join(";", repairs.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.From}-{r.To}")));
            var fixedAt = at is null ? "" : string.Join(";", from i in Enumerable.Range(0, states) from j in Enumerable.Range(0, states)
                                                                 where i != j && at[i, j] > 0 select string.Create(CultureInfo.InvariantCulture, $"{i + 1}/{j + 1}/{at[i, j]:R}"));
            var start = new ProcessStartInfo("Rscript", [script, data, states.ToString(CultureInfo.InvariantCulture), reltol.ToString("R", CultureInfo.InvariantCulture), allowed, fixedAt])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Rscript did not start");
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"Rscript failed ({process.ExitCode}): {error.Result}");
            }

            return Parse(output, states, covariates.Count);
        }
        finally
        {
            directory.Delete(true);
        }
    }

    private static Fit Parse(string output, int states, int covariates)
    {
        var beta = new double[states - 1, covariates + 1];
        var q = new double[states, states];
        double loglik = double.NaN, seconds = double.NaN;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (line[..line.IndexOf('=', StringComparison.Ordinal)], line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            switch (key)
            {
                case "seconds": seconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "loglik": loglik = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "beta":
                    var parts = value.Split(',');
                    beta[int.Parse(parts[0], CultureInfo.InvariantCulture) - 1, int.Parse(parts[1], CultureInfo.InvariantCulture)] = double.Parse(parts[2], CultureInfo.InvariantCulture);
                    break;
                case "q":
                    var cells = value.Split(',');
                    q[int.Parse(cells[0], CultureInfo.InvariantCulture) - 1, int.Parse(cells[1], CultureInfo.InvariantCulture) - 1] = double.Parse(cells[2], CultureInfo.InvariantCulture);
                    break;
            }
        }

        return new Fit(beta, loglik, seconds) { Intensities = q };
    }
}
