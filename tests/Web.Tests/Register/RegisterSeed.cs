using InfraLedger.Core.Database;
using InfraLedger.Core.Register;

namespace InfraLedger.Web.Tests.Register;

/// <summary>Writes register rows through Core (as the pages do), in a context scoped to the test's tenant.</summary>
public static class RegisterSeed
{
    public static readonly DateOnly ValidFrom = new(2024, 4, 1);

    public static Facility Facility(string tenant, string code, string name, double? latitude = null, double? longitude = null) => new()
    {
        TenantId = tenant,
        Code = code,
        Name = name,
        Kind = AssetKind.Building,
        Latitude = latitude,
        Longitude = longitude,
    };

    public static FixedAsset Asset(string tenant, string number, string name, string? facilityCode, decimal cost = 12_500_000m) => new()
    {
        TenantId = tenant,
        Number = number,
        Name = name,
        Account = "建物",
        FacilityCode = facilityCode,
        AcquisitionDate = new DateOnly(1998, 3, 20),
        AcquisitionCost = cost,
        UsefulLife = 47,
    };

    public static async Task SaveAsync(AppDbContext db, params Facility[] facilities)
    {
        foreach (var f in facilities)
        {
            var saved = await FacilityRegister.SaveAsync(db, f, isNew: true, ValidFrom, "テスト用の登録", DateTime.UtcNow, CancellationToken.None);
            saved.IsSuccess.ShouldBeTrue(saved.Error?.Message);
        }
    }

    public static async Task SaveAsync(AppDbContext db, params FixedAsset[] assets)
    {
        foreach (var a in assets)
        {
            var saved = await FixedAssets.SaveAsync(db, a, isNew: true, ValidFrom, "テスト用の登録", DateTime.UtcNow, CancellationToken.None);
            saved.IsSuccess.ShouldBeTrue(saved.Error?.Message);
        }
    }

    /// <summary>The facility form's required choices (kind, status, 異動日) with <paramref name="fields"/> over them.</summary>
    public static Dictionary<string, string> FacilityForm(Dictionary<string, string> fields)
    {
        var form = new Dictionary<string, string> { ["Input.Kind"] = "Building", ["Input.Status"] = "InService", ["Input.ValidFrom"] = "2025-01-01" };
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return form;
    }
}
