using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Projection;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Jobs;

namespace InfraLedger.Web.Pages.Projection;

/// <summary>What a projection page or download asks for: scenario, base year, horizon, and optionally a second scenario.</summary>
/// <param name="Scenario">Preset id or the tenant's scenario name.</param>
/// <param name="BaseYear">First fiscal year of the projection.</param>
/// <param name="Years">Horizon; null: the scenario's own.</param>
/// <param name="Compare">A second scenario to compare with, or null.</param>
public sealed record ProjectionRequest(string Scenario, int BaseYear, int? Years, string? Compare)
{
    public string Query => $"scenario={Uri.EscapeDataString(Scenario)}&baseYear={BaseYear}{(Years is { } y ? $"&years={y}" : "")}"
        + (Compare is { Length: > 0 } c ? $"&compare={Uri.EscapeDataString(c)}" : "");
}

/// <summary>A computed projection (and comparison) with everything its tables need.</summary>
public sealed record ProjectionOutcome(
    ProjectionRequest Request, ScenarioRef Scenario, ProjectionResult Result, RecentInvestments.Average? Investment,
    ScenarioRef? CompareScenario, ProjectionResult? CompareResult)
{
    public IReadOnlyList<ReportTable> Tables => CompareResult is null
        ? ProjectionReport.Tables(Result, Scenario, Investment)
        : [.. ProjectionReport.Tables(Result, Scenario, Investment), .. ProjectionReport.Compare(Result, Scenario, CompareResult, CompareScenario!)];
}

/// <summary>
/// Resolves and runs projection requests for pages, downloads and background jobs: small registers at once, large
/// ones (over <c>Projection:JobThreshold</c> facilities, default 20,000) as a job with a progress bar.
/// </summary>
public sealed class ProjectionRuns(JobRegistry jobs, IConfiguration configuration)
{
    public int JobThreshold => configuration.GetValue("Projection:JobThreshold", 20_000);

    /// <summary>The fiscal year a projection starts from by default: the current one.</summary>
    public static int DefaultBaseYear(DateTime now) => FiscalYear.Of(DateOnly.FromDateTime(now)).Year;

    /// <summary>Checks the request and resolves its scenarios (without running anything).</summary>
    public static async Task<Result<(ScenarioRef A, ScenarioRef? B)>> ResolveAsync(AppDbContext db, ProjectionRequest request, CancellationToken ct)
    {
        var year = Projections.CheckBaseYear(request.BaseYear);
        if (!year.IsSuccess)
        {
            return year.Error!;
        }

        var a = await ResolveWithHorizonAsync(db, request.Scenario, request.Years, ct);
        if (!a.IsSuccess || request.Compare is not { Length: > 0 } compare)
        {
            return a.IsSuccess ? (a.Value, null) : a.Error!;
        }

        var b = await ResolveWithHorizonAsync(db, compare, request.Years, ct);
        return b.IsSuccess ? (a.Value, b.Value) : b.Error! with { Field = "compare" };
    }

    public static async Task<Result<ProjectionOutcome>> RunAsync(AppDbContext db, ProjectionRequest request, IProgress<long>? progress, CancellationToken ct)
    {
        var resolved = await ResolveAsync(db, request, ct);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        var (a, b) = resolved.Value;
        var result = Projections.Run(db, a.Parameters, request.BaseYear, progress, ct);
        var compared = b is null ? null : Projections.Run(db, b.Parameters, request.BaseYear, null, ct);
        var investment = await RecentInvestments.AverageBeforeAsync(db, request.BaseYear, ct);
        return new ProjectionOutcome(request, a, result, investment, b, compared);
    }

    /// <summary>Runs the request as a background job of the tenant; its result is a <see cref="ProjectionOutcome"/>.</summary>
    public JobState Start(string tenantId, string actor, ProjectionRequest request, int facilities) =>
        jobs.Enqueue(Core.Jobs.JobKind.Projection, facilities, tenantId, $"更新費用の推計: {request.Scenario}（{request.BaseYear}年度から）", actor, request, async (state, services, ct) =>
        {
            var scope = services.GetRequiredService<TenantScope>();
            scope.Enter(LocalGovernmentCode.Parse(tenantId).Value);
            scope.Actor = actor;
            var db = services.GetRequiredService<AppDbContext>();
            var progress = new RowProgress(state, Math.Max(1, facilities));
            var outcome = await RunAsync(db, request, progress, ct);
            state.Result = outcome.IsSuccess ? outcome.Value : null;
            state.Message = outcome.IsSuccess ? "推計が終わりました。" : outcome.Error!.Message;
            state.Status = outcome.IsSuccess ? JobStatus.Succeeded : JobStatus.Failed;
        });

    public JobState? Find(string tenantId, Guid id) => jobs.Find(tenantId, id);

    private static async Task<Result<ScenarioRef>> ResolveWithHorizonAsync(AppDbContext db, string name, int? years, CancellationToken ct)
    {
        var scenario = await Scenarios.ResolveAsync(db, name, ct);
        if (!scenario.IsSuccess)
        {
            return scenario.Error!;
        }

        var parameters = Projections.WithHorizon(scenario.Value.Parameters, years);
        return parameters.IsSuccess ? scenario.Value with { Parameters = parameters.Value } : parameters.Error!;
    }

    /// <summary>Rows read so far, on the job's own thread.</summary>
    private sealed class RowProgress(JobState state, int total) : IProgress<long>
    {
        public void Report(long value)
        {
            state.Rows = value;
            state.Fraction = Math.Min(1, (double)value / total);
        }
    }
}
