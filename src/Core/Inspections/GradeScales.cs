using System.Text.Json;
using System.Text.RegularExpressions;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Inspections;

/// <summary>
/// The grade scales a tenant reads its inspections on: the national ones, the scales it defined (e.g. 新潟県's 7
/// 健全度 levels, domain doc §4) and which scale each asset kind uses in place of the national default. Kept as tenant
/// settings (each municipality's policy is data): <c>grade-scale.{code}</c> holds a scale, <c>grade-scale-kind.{kind}</c>
/// the code a kind uses (empty = the national default). ADR 0015.
/// </summary>
public sealed partial class GradeScales
{
    public const int MinLevels = 2;
    public const int MaxLevels = 9;
    private const string ScalePrefix = "grade-scale.";
    private const string KindPrefix = "grade-scale-kind.";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<AssetKind, GradeScheme> assigned;

    private GradeScales(IReadOnlyList<GradeScheme> defined, Dictionary<AssetKind, GradeScheme> assigned)
    {
        Defined = defined;
        this.assigned = assigned;
    }

    /// <summary>The tenant's own scales, by code.</summary>
    public IReadOnlyList<GradeScheme> Defined { get; }

    /// <summary>Only the national scales (a tenant that defined nothing).</summary>
    public static GradeScales National { get; } = new([], []);

    /// <summary>The scale inspections of <paramref name="kind"/> are recorded on: the tenant's choice, else the national default.</summary>
    public GradeScheme For(AssetKind kind) => assigned.TryGetValue(kind, out var scheme) ? scheme : GradeScheme.For(kind);

    /// <summary>Whether <paramref name="kind"/> uses a scale of the tenant's own.</summary>
    public bool IsAssigned(AssetKind kind) => assigned.ContainsKey(kind);

    /// <summary>The scale a record names (its <see cref="Inspection.Scheme"/>), national or the tenant's; null when it is neither.</summary>
    public GradeScheme? ByCode(string code) =>
        GradeScheme.All.FirstOrDefault(s => s.Code == code) ?? Defined.FirstOrDefault(s => s.Code == code);

    public static async Task<GradeScales> LoadAsync(AppDbContext db, CancellationToken ct) =>
        Of(await db.TenantSettings.AsNoTracking().Where(s => s.Key.StartsWith("grade-scale")).Select(s => new KeyValuePair<string, string>(s.Key, s.Value)).ToListAsync(ct));

    /// <summary>The scales of a set of settings rows (the tenant's own, or a group member's read for a pooled fit).</summary>
    public static GradeScales Of(IEnumerable<KeyValuePair<string, string>> settings)
    {
        var list = settings.ToList();
        var defined = list.Where(s => s.Key.StartsWith(ScalePrefix, StringComparison.Ordinal))
            .Select(s => Read(s.Key[ScalePrefix.Length..], s.Value)).OfType<GradeScheme>().OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var assigned = new Dictionary<AssetKind, GradeScheme>();
        foreach (var s in list.Where(s => s.Key.StartsWith(KindPrefix, StringComparison.Ordinal)))
        {
            if (Enum.TryParse<AssetKind>(s.Key[KindPrefix.Length..], ignoreCase: true, out var kind) && defined.FirstOrDefault(d => d.Code == s.Value) is { } scheme)
            {
                assigned[kind] = scheme;
            }
        }

        return new GradeScales(defined, assigned);
    }

    /// <summary>
    /// Defines (or redefines) a scale of the tenant: a code (a–z, 0–9, hyphen), a name and 2–9 level labels, best first.
    /// A scale that inspections are recorded on keeps its number of levels (their grades would change meaning).
    /// </summary>
    public static async Task<Result<GradeScheme>> DefineAsync(AppDbContext db, string? code, string? name, string? levels, CancellationToken ct)
    {
        code = (code ?? "").Trim();
        if (!CodePattern().IsMatch(code) || GradeScheme.All.Any(s => s.Code == code))
        {
            return Errors.ScaleCode(code);
        }

        name = (name ?? "").Trim();
        if (name.Length is 0 or > 50)
        {
            return Errors.ScaleName;
        }

        var labels = (levels ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (labels.Count is < MinLevels or > MaxLevels)
        {
            return Errors.ScaleLevelCount(labels.Count);
        }

        if (labels.FirstOrDefault(l => l.Length > 30) is { } longLabel)
        {
            return Errors.ScaleLevelTooLong(longLabel);
        }

        if (labels.GroupBy(l => l.Normalize(System.Text.NormalizationForm.FormKC), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return Errors.ScaleLevelTwice(twice.Key);
        }

        var current = (await LoadAsync(db, ct)).ByCode(code);
        if (current is not null && current.Levels.Count != labels.Count && await db.Inspections.AnyAsync(i => i.Scheme == code, ct))
        {
            return Errors.ScaleInUse(code, current.Levels.Count);
        }

        var scheme = new GradeScheme(code, name, labels);
        var saved = await TenantSettings.SetAsync(db, ScalePrefix + code, JsonSerializer.Serialize(new Stored(name, labels), Json), ct);
        return saved.IsSuccess ? scheme : saved.Error!;
    }

    /// <summary>Makes <paramref name="kind"/> use the tenant's scale <paramref name="code"/>, or the national default when it is empty.</summary>
    public static async Task<Result<GradeScheme>> AssignAsync(AppDbContext db, AssetKind kind, string? code, CancellationToken ct)
    {
        code = (code ?? "").Trim();
        var scales = await LoadAsync(db, ct);
        var scheme = code.Length == 0 ? GradeScheme.For(kind) : scales.Defined.FirstOrDefault(s => s.Code == code);
        if (scheme is null)
        {
            return Errors.ScaleNotFound(code);
        }

        var saved = await TenantSettings.SetAsync(db, KindPrefix + kind.ToString().ToLowerInvariant(), code, ct);
        return saved.IsSuccess ? scheme : saved.Error!;
    }

    private sealed record Stored(string Name, List<string> Levels);

    private static GradeScheme? Read(string code, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Stored>(json, Json) is { Name: not null, Levels.Count: >= MinLevels and <= MaxLevels } s ? new GradeScheme(code, s.Name, s.Levels) : null;
        }
        catch (JsonException)
        {
            return null; // a setting edited by hand into something else is not a scale: the national default applies
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex CodePattern();
}
