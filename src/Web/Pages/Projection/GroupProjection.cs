using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Projection;

namespace InfraLedger.Web.Pages.Projection;

/// <summary>A wide-area group's projection with a shipped preset (the same rules for every member), as the group page and its downloads show it.</summary>
public sealed record GroupProjection(Projections.GroupResult Result, ScenarioRef Scenario, int BaseYear)
{
    public IReadOnlyList<ReportTable> Tables => ProjectionReport.Group(Result, Scenario);

    public static async Task<Result<GroupProjection>> RunAsync(AppDbContext db, long groupId, string? scenario, int? baseYear, int? years, CancellationToken ct)
    {
        var year = Projections.CheckBaseYear(baseYear ?? ProjectionRuns.DefaultBaseYear(DateTime.UtcNow));
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

        var result = await Projections.RunGroupAsync(db, groupId, parameters.Value, year.Value, null, ct);
        return result.IsSuccess ? new GroupProjection(result.Value, ScenarioRef.Of(preset) with { Parameters = parameters.Value }, year.Value) : result.Error!;
    }
}
