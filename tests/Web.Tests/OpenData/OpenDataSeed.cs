using InfraLedger.Core.OpenData;
using InfraLedger.Tests;
using InfraLedger.Web.Tests.Register;

namespace InfraLedger.Web.Tests.OpenData;

/// <summary>焼津市 with a small register that it publishes; 藤枝市 with a register it does not publish.</summary>
public static class OpenDataSeed
{
    public const string Yaizu = "222127";
    public const string Fujieda = "222143";

    public static async Task RegistersAsync(TestDatabase database)
    {
        await using (var db = database.Context(Yaizu, actor: "test-setup"))
        {
            var school = RegisterSeed.Facility(Yaizu, "S-001", "焼津小学校", 34.8670, 138.3236);
            school.Kana = "やいづしょうがっこう";
            school.Address = "静岡県焼津市本町1-1";
            school.UsageMajor = "学校教育系施設";
            school.UsageMinor = "学校";
            await RegisterSeed.SaveAsync(db, school, RegisterSeed.Facility(Yaizu, "S-002", "大井川体育館"));
            await RegisterSeed.SaveAsync(db, RegisterSeed.Asset(Yaizu, "A-001", "焼津小学校 校舎", "S-001"));
        }

        await using var other = database.Context(Fujieda, actor: "test-setup");
        await RegisterSeed.SaveAsync(other, RegisterSeed.Facility(Fujieda, "F-001", "藤枝市役所"));
        await RegisterSeed.SaveAsync(other, RegisterSeed.Asset(Fujieda, "B-001", "藤枝市役所 建物", "F-001"));
    }

    public static async Task PublishAsync(TestDatabase database, string tenant, string kind, string licence = "cc-by-4.0")
    {
        await using var db = database.Context(tenant, actor: "test-setup");
        var published = await Publication.PublishAsync(db, kind, licence, OpenDataLicences.Default, DateTime.UtcNow, CancellationToken.None);
        published.IsSuccess.ShouldBeTrue(published.Error?.Message);
    }
}
