using InfraLedger.Core.Reports;
using InfraLedger.Tests;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>
/// Realistic Open311 POSTs, built from the specification's examples (open311.md §7: a location by lat/long, by
/// address_string or by address_id; attributes, single and multi-valued; media_url, repeated as FixMyStreet sends it;
/// contact fields) and turned to 焼津市's services. Their Japanese texts carry line breaks and markup-like characters.
/// </summary>
public static class Open311Samples
{
    public sealed record Sample(string Name, List<KeyValuePair<string, string>> Fields);

    public static List<KeyValuePair<string, string>> Pothole(string tenant) =>
    [
        // A pin in the tenant's own area (ADR 0028): by 焼津市役所, or by 藤枝市役所.
        new("jurisdiction_id", tenant), new("service_code", "101"), new("lat", tenant == Open311Client.Fujieda ? "34.8673" : "34.86695"),
        new("long", tenant == Open311Client.Fujieda ? "138.2577" : "138.32391"),
        new("attribute[damage]", "pothole"), new("attribute[danger]", "high"), new("description", "交差点の手前に直径30cmほどの穴があります。"),
    ];

    public static IEnumerable<Sample> All(string tenant)
    {
        yield return new("lat/long with attributes and a size", [.. Pothole(tenant), new("attribute[size]", "30")]);
        yield return new("address_string, multi-valued attribute, contact", [
            new("jurisdiction_id", tenant), new("service_code", "201"), new("address_string", "焼津市大住 黒石川にかかる大住橋"),
            new("attribute[damage][]", "step"), new("attribute[damage][]", "railing"), new("attribute[danger]", "medium"),
            new("attribute[bridge]", "大住橋"), new("description", "橋の継ぎ目に5cmほどの段差があります。\n自転車が転びそうでした。"),
            new("email", "resident@example.jp"), new("first_name", "花子"), new("last_name", "山田"), new("phone", "054-000-0000"),
        ]);
        yield return new("address_id and repeated media_url", [
            new("jurisdiction_id", tenant), new("service_code", "103"), new("address_id", "22212-0001-0042"),
            new("attribute[state]", "off"), new("attribute[pole]", "焼津 No.1234"),
            new("media_url", "https://photos.example.jp/a/1.jpg"), new("media_url", "https://photos.example.jp/a/2.jpg"),
            new("device_id", "device-7f3a"), new("account_id", "acct-55"),
        ]);
        yield return new("markup-like text is kept as text", [
            new("jurisdiction_id", tenant), new("service_code", "301"), new("lat", "34.8712"), new("long", "138.3198"),
            new("attribute[equipment]", "swing"), new("attribute[danger]", "high"), new("attribute[park]", "<b>中央公園</b>"),
            new("description", "ぶらんこの鎖が切れかけています <script>alert(1)</script> & \"急ぎ\""),
        ]);
        yield return new("no attributes, lat/long and address together", [
            new("jurisdiction_id", tenant), new("service_code", "901"), new("lat", "34.8650"), new("long", "138.3301"),
            new("address_string", "焼津市本町2丁目 市役所前"), new("zipcode", "425-8502"), new("description", "側溝のふたががたがたします。"),
        ]);
    }

    /// <summary>Writes reports straight into the tenant's table (for list and paging tests that need many of them).</summary>
    public static async Task InsertAsync(TestDatabase database, string tenant, IEnumerable<(long Id, string Service, DateTime At, ReportStatus Status)> rows)
    {
        await using var db = database.Context(tenant, actor: "test-setup");
        foreach (var (id, service, at, status) in rows)
        {
            db.ResidentReports.Add(new ResidentReport
            {
                TenantId = tenant, Id = id, Token = "t" + id, ServiceCode = service, Status = status, Description = $"通報 {id}",
                Latitude = 34.867, Longitude = 138.32, Channel = "open311", Section = "道路課", RequestedAtUtc = at, UpdatedAtUtc = at,
                ClosedAtUtc = status.IsOpen() ? null : at, PublishedAtUtc = at,
            });
        }

        await db.SaveChangesAsync();
    }
}
