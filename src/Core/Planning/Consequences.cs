using System.Text.Json;
using System.Text.RegularExpressions;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Planning;

/// <summary>
/// The current tenant's consequence attributes (maintenance-planning.md §6): the weighted settings (a tenant setting,
/// versioned, every save in the audit trail) and each facility's values (<see cref="FacilityConsequence"/>), set one
/// facility at a time or imported from a file (<see cref="ImportAsync"/>).
/// </summary>
public static partial class Consequences
{
    /// <summary>The tenant's settings, or the defaults (version 0) when it has saved none.</summary>
    public static async Task<ConsequenceSettings> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var stored = await db.TenantSettings.AsNoTracking().Where(s => s.Key == ConsequenceSettings.SettingKey).Select(s => s.Value).SingleOrDefaultAsync(ct);
        return stored is null ? ConsequenceSettings.Default : ConsequenceSettings.FromJson(stored);
    }

    /// <summary>
    /// Saves the settings when every check passes and nobody saved since <paramref name="version"/> (0: the defaults are
    /// in force); the saved settings have the next version. Nothing is saved otherwise.
    /// </summary>
    public static async Task<Result<ConsequenceSettings>> SaveAsync(AppDbContext db, int years, IReadOnlyList<ConsequenceFactor> factors, int version, CancellationToken ct)
    {
        if (Check(years, factors) is { } error)
        {
            return error;
        }

        var current = await LoadAsync(db, ct);
        if (current.Version != version)
        {
            return Errors.ConsequencesChanged(current.Version);
        }

        var saved = new ConsequenceSettings(version + 1, years, factors);
        var set = await TenantSettings.SetAsync(db, ConsequenceSettings.SettingKey, saved.ToJson(), ct);
        return set.IsSuccess ? saved : set.Error!;
    }

    /// <summary>Settings from their JSON (as <c>plan consequences show</c> prints them), checked and saved as <see cref="SaveAsync"/>.</summary>
    public static async Task<Result<ConsequenceSettings>> SaveJsonAsync(AppDbContext db, string json, string fileName, CancellationToken ct)
    {
        ConsequenceSettings parsed;
        try
        {
            parsed = ConsequenceSettings.FromJson(json);
        }
        catch (JsonException e)
        {
            return Errors.ConsequencesFile(fileName, (e.LineNumber ?? 0) + 1);
        }

        return await SaveAsync(db, parsed.Years, parsed.Factors ?? [], parsed.Version, ct);
    }

    /// <summary>Every facility's attribute values: facility code → attribute key → value.</summary>
    public static async Task<Dictionary<string, Dictionary<string, decimal>>> ValuesAsync(AppDbContext db, CancellationToken ct) =>
        (await db.FacilityConsequences.AsNoTracking().ToListAsync(ct))
            .GroupBy(c => c.FacilityCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Attribute, c => c.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>
    /// Sets attributes of one facility of the register: each key must be in the settings; a value of null or 0 removes
    /// the attribute. Keys not given are left as they are.
    /// </summary>
    public static async Task<Result<int>> SetAsync(AppDbContext db, string facilityCode, IReadOnlyDictionary<string, decimal?> values, CancellationToken ct)
    {
        if (!await db.Facilities.AnyAsync(f => f.Code == facilityCode, ct))
        {
            return Errors.FacilityNotFound(facilityCode);
        }

        var settings = await LoadAsync(db, ct);
        foreach (var (key, value) in values)
        {
            if (settings.Factor(key) is null)
            {
                return Errors.AttributeUnknown(key, string.Join("、", settings.Factors.Select(f => $"{f.Key}（{f.Label}）")));
            }

            if (value is < 0)
            {
                return Errors.AttributeValue(key, value.Value);
            }
        }

        var own = await db.FacilityConsequences.Where(c => c.FacilityCode == facilityCode).ToListAsync(ct);
        var changed = Apply(db, own, facilityCode, values);
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>Adds, changes or removes the rows of one facility to match <paramref name="values"/>; returns how many changed.</summary>
    private static int Apply(AppDbContext db, List<FacilityConsequence> own, string facilityCode, IReadOnlyDictionary<string, decimal?> values)
    {
        var changed = 0;
        foreach (var (key, value) in values)
        {
            var row = own.FirstOrDefault(c => c.Attribute == key);
            if (value is null or 0)
            {
                if (row is not null)
                {
                    db.FacilityConsequences.Remove(row);
                    changed++;
                }
            }
            else if (row is null)
            {
                db.FacilityConsequences.Add(new FacilityConsequence { TenantId = db.Scope.TenantId!, FacilityCode = facilityCode, Attribute = key, Value = value.Value });
                changed++;
            }
            else if (row.Value != value.Value)
            {
                row.Value = value.Value;
                changed++;
            }
        }

        return changed;
    }

    private static Error? Check(int years, IReadOnlyList<ConsequenceFactor> factors)
    {
        if (years is < 1 or > 100)
        {
            return Errors.RiskYearsInvalid(years);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in factors)
        {
            if (f.Key is null || !KeyPattern().IsMatch(f.Key))
            {
                return Errors.AttributeKeyInvalid(f.Key ?? "");
            }

            if (!seen.Add(f.Key))
            {
                return Errors.AttributeDuplicate(f.Key);
            }

            if (string.IsNullOrWhiteSpace(f.Label) || f.Label.Length > 50)
            {
                return Errors.AttributeLabel(f.Key);
            }

            if (f.Weight is < 0 or > 1000 || f.Threshold is < 0)
            {
                return Errors.WeightInvalid(f.Label, f.Weight);
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,49}$")]
    private static partial Regex KeyPattern();
}
