using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Projection;

/// <summary>What a projection is run with: a shipped preset, or one of the tenant's scenarios.</summary>
/// <param name="Name">The preset's id or the scenario's name.</param>
/// <param name="Title">For people: the preset's name or the scenario's name.</param>
/// <param name="PresetId">The preset it is (or was copied from).</param>
/// <param name="PresetVersion">That preset's version.</param>
/// <param name="ScenarioVersion">The scenario's edit count; null for a preset.</param>
/// <param name="Parameters">The parameters.</param>
public sealed record ScenarioRef(string Name, string Title, string PresetId, int PresetVersion, int? ScenarioVersion, ScenarioParameters Parameters)
{
    public bool IsPreset => ScenarioVersion is null;

    public string Label => IsPreset
        ? $"{Title}（プリセット {PresetId} 第{PresetVersion}版）"
        : $"{Title}（シナリオ 第{ScenarioVersion}版、プリセット {PresetId} 第{PresetVersion}版から）";

    public static ScenarioRef Of(Preset p) => new(p.Id, p.Name, p.Id, p.Version, null, p.Parameters);
}

/// <summary>The current tenant's projection scenarios: copied from a preset, edited, deleted.</summary>
public static class Scenarios
{
    private static readonly char[] Forbidden = ['/', '\\', '?', '#', '%'];

    public static Task<List<ProjectionScenario>> ListAsync(AppDbContext db, CancellationToken ct) =>
        db.ProjectionScenarios.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);

    /// <summary>A preset by id, or else the tenant's scenario by name.</summary>
    public static async Task<Result<ScenarioRef>> ResolveAsync(AppDbContext db, string name, CancellationToken ct)
    {
        if (Presets.Find(name) is { } preset)
        {
            return ScenarioRef.Of(preset);
        }

        var s = await db.ProjectionScenarios.AsNoTracking().SingleOrDefaultAsync(x => x.Name == name, ct);
        return s is null ? Errors.ScenarioNotFound(name)
            : new ScenarioRef(s.Name, s.Name, s.PresetId, s.PresetVersion, s.Version, ScenarioParameters.FromJson(s.Parameters));
    }

    public static async Task<Result<ProjectionScenario>> CreateAsync(AppDbContext db, string name, string presetId, CancellationToken ct)
    {
        name = name.Trim();
        // "." and ".." would be folded away in a URL, and the scenario could never be opened again.
        if (name.Length is 0 or > 100 || name.IndexOfAny(Forbidden) >= 0 || name.Trim('.').Length == 0 || Presets.Find(name) is not null)
        {
            return Errors.ScenarioNameInvalid(name);
        }

        if (Presets.Find(presetId) is not { } preset)
        {
            return Errors.PresetNotFound(presetId);
        }

        if (await db.ProjectionScenarios.AnyAsync(s => s.Name == name, ct))
        {
            return Errors.ScenarioExists(name);
        }

        var scenario = new ProjectionScenario
        {
            TenantId = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。"),
            Name = name,
            PresetId = preset.Id,
            PresetVersion = preset.Version,
            Parameters = preset.Parameters.ToJson(),
            UpdatedAtUtc = DateTime.UtcNow,
        };
        db.ProjectionScenarios.Add(scenario);
        await db.SaveChangesAsync(ct);
        return scenario;
    }

    /// <summary>Saves new parameters if they pass the checks and nobody changed the scenario since <paramref name="version"/>.</summary>
    public static async Task<Result<ProjectionScenario>> UpdateAsync(AppDbContext db, string name, ScenarioParameters parameters, int version, CancellationToken ct)
    {
        var scenario = await db.ProjectionScenarios.SingleOrDefaultAsync(s => s.Name == name, ct);
        if (scenario is null)
        {
            return Errors.ScenarioNotFound(name);
        }

        if (scenario.Version != version)
        {
            return Errors.ScenarioChanged(name);
        }

        if (ScenarioValidation.Check(parameters) is { } error)
        {
            return error;
        }

        scenario.Parameters = parameters.ToJson();
        scenario.Version++;
        scenario.UpdatedAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return scenario;
    }

    public static async Task<Result<bool>> DeleteAsync(AppDbContext db, string name, CancellationToken ct)
    {
        var scenario = await db.ProjectionScenarios.SingleOrDefaultAsync(s => s.Name == name, ct);
        if (scenario is null)
        {
            return Errors.ScenarioNotFound(name);
        }

        db.ProjectionScenarios.Remove(scenario);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
