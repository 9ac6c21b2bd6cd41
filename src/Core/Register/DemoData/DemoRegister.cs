using System.Reflection;
using InfraLedger.Core.Database;
using InfraLedger.Core.Register.Import;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register.DemoData;

/// <summary>
/// The demo tenant's register: 焼津市's real open-data files (CC BY 4.0, embedded), imported through the
/// ordinary import, and the generated sample register. Runs once: not when the tenant has any facility.
/// </summary>
public static class DemoRegister
{
    public const string Attribution = "出典：焼津市オープンデータ（CC BY 4.0）";

    /// <summary>
    /// File, code prefix (the files number their rows independently) and the kind of their rows. The fire
    /// hydrant list (消防水利施設一覧) is left out: hydrants are water-supply fittings, not register facilities.
    /// </summary>
    public static readonly IReadOnlyList<(string File, string? Prefix, AssetKind Kind)> Files =
    [
        ("222127_facilities_smartmap.csv", null, AssetKind.Building),
        ("222127_elementary_school.csv", null, AssetKind.Building),
        ("222127_junior_high_school.csv", null, AssetKind.Building),
        ("222127_library.csv", null, AssetKind.Building),
        ("222127_facilities_sports.csv", null, AssetKind.Building),
        ("222127_community_center.csv", null, AssetKind.Building),
        ("222127_facilities_culture.csv", null, AssetKind.Building),
        ("222127_facilities_welfare.csv", null, AssetKind.Building),
        ("222127_municipal_parking_lot.csv", null, AssetKind.Other),
        ("222127_park_info.csv", "P-", AssetKind.Park),
        ("222127_public_toilet.csv", "WC-", AssetKind.Building),
        ("222127_underpass.csv", "UP-", AssetKind.Road),
        ("222127_hinannjo.csv", "SH-", AssetKind.Building),
        ("222127_evacuation_space.csv", "EV-", AssetKind.Other),
        ("222127_bousaisouko.csv", "BS-", AssetKind.Building),
        ("222127_suibousouko.csv", "SB-", AssetKind.Building),
        ("222127_innryousuiyouchosuisou.csv", "WT-", AssetKind.Other),
    ];

    public sealed record Outcome(int Files, long Facilities, int SampleFacilities, int SampleAssets);

    /// <summary>Seeds the register of the tenant in scope (the demo tenant); nothing when it already has facilities.</summary>
    public static async Task<Outcome?> SeedAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.Facilities.AnyAsync(ct))
        {
            return null;
        }

        long imported = 0;
        foreach (var (file, prefix, kind) in Files)
        {
            await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("demo/yaizu/" + file)
                ?? throw new InvalidOperationException($"埋め込みリソースがありません: {file}");
            // The category files of 公共施設一覧 share the city's numbering and overlap on purpose: the demo merges them.
            var result = await RegisterImport.RunAsync(db, stream, file,
                new RegisterImport.Options(ImportTarget.Facilities, Commit: true, CodePrefix: prefix ?? "", DefaultKind: kind) { AllowOverwrite = true }, null, nowUtc, ct);
            var report = result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error!.Message);
            if (!report.Committed)
            {
                throw new InvalidOperationException($"デモデータ {file} を取り込めません: {string.Join(" / ", report.Problems.Take(3))}");
            }

            imported += report.Added + report.Updated;
        }

        var (facilities, assets) = SampleRegister.Generate(db.Scope.TenantId!);
        var validFrom = DateOnly.FromDateTime(nowUtc);
        foreach (var f in facilities)
        {
            RegisterHistory.Apply(db, null, f, new DateOnly(f.YearBuilt ?? validFrom.Year, 1, 1), "サンプルデータ", nowUtc);
        }

        foreach (var a in assets)
        {
            RegisterHistory.Apply(db, null, a, a.AcquisitionDate ?? validFrom, "サンプルデータ", nowUtc);
        }

        await db.SaveChangesAsync(ct);
        return new Outcome(Files.Count, imported, facilities.Count, assets.Count);
    }
}
