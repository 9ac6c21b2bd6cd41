using System.Globalization;
using System.Text.Json;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Maintenance;

/// <summary>The library an evaluation uses: the tenant's copy (with its edit version) or the shipped preset.</summary>
public sealed record LibraryRef(AssetKind Kind, TreatmentLibrary Library, string PresetId, int PresetVersion, int? Version, DateTime? UpdatedAtUtc)
{
    public bool IsPreset => Version is null;

    public string Label => IsPreset
        ? $"{Library.Name}（プリセット {PresetId} 第{PresetVersion.ToString(CultureInfo.InvariantCulture)}版）"
        : $"{Library.Name}（団体の設定 第{Version!.Value.ToString(CultureInfo.InvariantCulture)}版、プリセット {PresetId} 第{PresetVersion.ToString(CultureInfo.InvariantCulture)}版から）";
}

/// <summary>The current tenant's treatment libraries: read (own copy or preset), save checked and versioned, reset to the preset, import and export.</summary>
public static class Libraries
{
    public static async Task<LibraryRef?> LoadAsync(AppDbContext db, AssetKind kind, CancellationToken ct)
    {
        if (LibraryPresets.For(kind) is not { } preset)
        {
            return null;
        }

        var own = await db.MaintenanceLibraries.AsNoTracking().SingleOrDefaultAsync(l => l.Kind == kind, ct);
        return own is null
            ? new LibraryRef(kind, preset.Library, preset.Id, preset.Version, null, null)
            : new LibraryRef(kind, TreatmentLibrary.FromJson(own.Document), own.PresetId, own.PresetVersion, own.Version, own.UpdatedAtUtc);
    }

    /// <summary>The number of states of the kind for this tenant (its grade scale's levels).</summary>
    public static async Task<int> LevelsAsync(AppDbContext db, AssetKind kind, CancellationToken ct) =>
        (await GradeScales.LoadAsync(db, ct)).For(kind).Levels.Count;

    /// <summary>
    /// Saves <paramref name="library"/> as the tenant's library of <paramref name="kind"/> when every check passes and
    /// nobody saved since <paramref name="version"/> (0: the tenant has none yet, it copies the preset). Nothing is saved otherwise.
    /// </summary>
    public static async Task<Result<MaintenanceLibrary>> SaveAsync(AppDbContext db, AssetKind kind, TreatmentLibrary library, int version, DateTime nowUtc, CancellationToken ct)
    {
        if (LibraryPresets.For(kind) is not { } preset)
        {
            return Errors.KindInvalid(kind.ToString());
        }

        if (LibraryValidation.Check(library, await LevelsAsync(db, kind, ct)) is { } error)
        {
            return error;
        }

        var own = await db.MaintenanceLibraries.SingleOrDefaultAsync(l => l.Kind == kind, ct);
        if ((own?.Version ?? 0) != version)
        {
            return Errors.LibraryChanged(FacilityRegister.KindLabel(kind));
        }

        if (own is null)
        {
            own = new MaintenanceLibrary { TenantId = db.Scope.TenantId!, Kind = kind, PresetId = preset.Id, PresetVersion = preset.Version, Document = "", Version = 0 };
            db.MaintenanceLibraries.Add(own);
        }

        own.Document = library.ToJson();
        own.Version++;
        own.UpdatedAtUtc = nowUtc;
        await db.SaveChangesAsync(ct);
        return own;
    }

    /// <summary>Drops the tenant's copy: the preset applies again.</summary>
    public static async Task<bool> ResetAsync(AppDbContext db, AssetKind kind, CancellationToken ct)
    {
        var own = await db.MaintenanceLibraries.SingleOrDefaultAsync(l => l.Kind == kind, ct);
        if (own is null)
        {
            return false;
        }

        db.MaintenanceLibraries.Remove(own);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A library file (JSON as exported, or the XLSX workbook) read and saved as the tenant's library of the kind; nothing saved on any problem.</summary>
    public static async Task<Result<MaintenanceLibrary>> ImportAsync(AppDbContext db, AssetKind kind, Stream file, string fileName, DateTime nowUtc, CancellationToken ct)
    {
        var read = await ReadAsync(file, fileName, ct);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var own = await db.MaintenanceLibraries.AsNoTracking().SingleOrDefaultAsync(l => l.Kind == kind, ct);
        var saved = await SaveAsync(db, kind, read.Value, own?.Version ?? 0, nowUtc, ct);
        return saved.IsSuccess ? saved : Errors.FileInvalid(Path.GetFileName(fileName), $"{saved.Error!.Field}: {saved.Error.Message}");
    }

    /// <summary>Reads a library file: XLSX when it is a ZIP workbook, else JSON.</summary>
    public static async Task<Result<TreatmentLibrary>> ReadAsync(Stream file, string fileName, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var name = Path.GetFileName(fileName);
        if (bytes.Length > 2 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K')
        {
            return LibraryWorkbook.Read(new MemoryStream(bytes), name);
        }

        try
        {
            return TreatmentLibrary.FromJson(System.Text.Encoding.UTF8.GetString(bytes));
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } path ? $"{path.TrimStart('$', '.')}: " : "";
            return Errors.FileInvalid(name, $"{where}補修工法の設定（JSON か XLSX）として読めません（{(e.LineNumber ?? 0) + 1}行目付近）。");
        }
    }
}
