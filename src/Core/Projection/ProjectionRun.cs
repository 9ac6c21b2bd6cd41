using InfraLedger.Core.Common;
using InfraLedger.Core.Database;

namespace InfraLedger.Core.Projection;

/// <summary>What a projection page, download, job or command asks for: scenario, base year, horizon, and optionally a second scenario.</summary>
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
    /// <summary>The comparison's tables (compare-summary, compare), empty without a second scenario.</summary>
    public IReadOnlyList<Table> Comparison => CompareResult is null
        ? []
        : ProjectionTables.Compare(Result, Scenario, CompareResult, CompareScenario!);

    public IReadOnlyList<Table> Tables => [.. ProjectionTables.Tables(Result, Scenario, Investment), .. Comparison];
}

/// <summary>
/// One projection run as every host does it: check the base year, resolve the scenario (and the one compared with) with
/// the horizon asked for, run it over the tenant's register, add the recent investment. Pages, downloads, background jobs
/// and the CLI call this; they only translate its request and outcome.
/// </summary>
public static class ProjectionRun
{
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

        var a = await ResolveScenarioAsync(db, request.Scenario, request.Years, ct);
        if (!a.IsSuccess || request.Compare is not { Length: > 0 } compare)
        {
            return a.IsSuccess ? (a.Value, null) : a.Error!;
        }

        var b = await ResolveScenarioAsync(db, compare, request.Years, ct);
        return b.IsSuccess ? (a.Value, b.Value) : b.Error! with { Field = "compare" };
    }

    /// <summary>Runs the request; <paramref name="progress"/> counts the register's rows read for the first scenario.</summary>
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

    /// <summary>A preset or the tenant's scenario by name, with the horizon asked for (null: its own).</summary>
    public static async Task<Result<ScenarioRef>> ResolveScenarioAsync(AppDbContext db, string name, int? years, CancellationToken ct)
    {
        var scenario = await Scenarios.ResolveAsync(db, name, ct);
        if (!scenario.IsSuccess)
        {
            return scenario.Error!;
        }

        var parameters = Projections.WithHorizon(scenario.Value.Parameters, years);
        return parameters.IsSuccess ? scenario.Value with { Parameters = parameters.Value } : parameters.Error!;
    }
}

/// <summary>A wide-area group's projection with a shipped preset (the same rules for every member), as the group page, its downloads and the CLI show it.</summary>
public sealed record GroupProjection(Projections.GroupResult Result, ScenarioRef Scenario, int BaseYear)
{
    public IReadOnlyList<Table> Tables => ProjectionTables.Group(Result, Scenario);

    public static async Task<Result<GroupProjection>> RunAsync(
        AppDbContext db, long groupId, string? scenario, int? baseYear, int? years, IProgress<long>? progress, CancellationToken ct)
    {
        var year = Projections.CheckBaseYear(baseYear ?? ProjectionRun.DefaultBaseYear(DateTime.UtcNow));
        if (!year.IsSuccess)
        {
            return year.Error!;
        }

        // Members' registers differ; only the shipped presets (not one member's own scenario) apply to all of them.
        if (Presets.Find(scenario ?? Presets.Baseline) is not { } preset)
        {
            return Errors.GroupNeedsPreset(scenario!);
        }

        var parameters = Projections.WithHorizon(preset.Parameters, years);
        if (!parameters.IsSuccess)
        {
            return parameters.Error!;
        }

        var result = await Projections.RunGroupAsync(db, groupId, parameters.Value, year.Value, progress, ct);
        return result.IsSuccess ? new GroupProjection(result.Value, ScenarioRef.Of(preset) with { Parameters = parameters.Value }, year.Value) : result.Error!;
    }
}
