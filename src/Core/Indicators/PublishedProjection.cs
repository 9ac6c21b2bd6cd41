using System.Text.Json;
using InfraLedger.Core.Projection;

namespace InfraLedger.Core.Indicators;

/// <summary>
/// The 40-year renewal projection (総務省 preset) of a body's register, computed when the body publishes its register
/// figures for <see cref="FiscalYear"/> and shown on its public page (ADR 0013): public data like the published figures,
/// keyed by 団体コード, written and withdrawn with them. Computing it at publication, not when a public page misses the
/// cache, keeps an anonymous reader from making the server project a large register on demand (issue 17 F5).
/// </summary>
public sealed class PublishedProjection
{
    public required string Code { get; init; }

    /// <summary>The fiscal year of the publication; the projection starts the year after.</summary>
    public required int FiscalYear { get; init; }

    public required int BaseYear { get; set; }

    /// <summary>The yearly costs by category (<see cref="ProjectionSeries"/> as JSON): what the public page shows, nothing per facility.</summary>
    public required string Categories { get; set; }

    public required DateTime ComputedAtUtc { get; set; }

    public static PublishedProjection Of(string code, int fiscalYear, ProjectionResult result, DateTime nowUtc) => new()
    {
        Code = code,
        FiscalYear = fiscalYear,
        BaseYear = result.BaseYear,
        Categories = JsonSerializer.Serialize(result.Categories),
        ComputedAtUtc = nowUtc,
    };

    /// <summary>The stored projection as a result with the preset's parameters (its categories only: events, stock and skipped facilities are not published).</summary>
    public ProjectionResult ToResult()
    {
        var categories = JsonSerializer.Deserialize<List<ProjectionSeries>>(Categories) ?? [];
        var horizon = categories.Count == 0 ? Presets.Find(Presets.Baseline)!.Parameters.Horizon : categories[0].Values.Length;
        return new ProjectionResult
        {
            BaseYear = BaseYear,
            Parameters = Presets.Find(Presets.Baseline)!.Parameters with { Horizon = horizon },
            Categories = categories,
            Events = [],
            Stock = [],
            Skipped = [],
        };
    }
}
