using System.Globalization;
using System.Security.Cryptography;
using InfraLedger.Core.Database;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.OpenData;

/// <summary>
/// The open-data catalogue: every dataset tenants published, as CKAN package dictionaries, and one CKAN organization per
/// publishing tenant. Built per request from the consent rows (a few thousand at most: 1,788 bodies × 3 kinds).
/// </summary>
public sealed record Catalog(IReadOnlyList<CkanPackage> Packages, IReadOnlyList<CkanOrganization> Organizations)
{
    /// <summary>The 全国地方公共団体コード extra of an organization and a package.</summary>
    public const string CodeExtra = "全国地方公共団体コード";

    /// <summary>Reads the catalogue; <paramref name="siteUrl"/> (no trailing slash) makes the resource and landing URLs absolute.</summary>
    public static async Task<Catalog> LoadAsync(AppDbContext db, string siteUrl, OpenDataLicences licences, CancellationToken ct)
    {
        var published = await CrossTenant.PublishedDatasetsAsync(db, ct);
        var codes = published.Select(d => d.TenantId).Distinct().ToList();
        var bodies = await db.LocalGovernments.AsNoTracking().Where(b => codes.Contains(b.Code)).ToDictionaryAsync(b => b.Code, ct);
        var prefectureCodes = bodies.Values.Select(b => b.PrefectureCode).Distinct().ToList();
        var prefectures = await db.LocalGovernments.AsNoTracking().Where(b => prefectureCodes.Contains(b.Code)).ToDictionaryAsync(b => b.Code, b => b.Name, ct);
        var summaries = codes.Count == 0 ? [] : await CrossTenant.RegisterSummariesOfPublishersAsync(db, ct);
        var fiscal = await db.StatisticsSources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == FiscalIndicatorImport.SourceId, ct);

        var organizations = published.GroupBy(d => d.TenantId).Select(g =>
        {
            var body = bodies[g.Key];
            var prefecture = prefectures.GetValueOrDefault(body.PrefectureCode, "");
            return Organization(body, prefecture, g.Min(d => d.PublishedAtUtc), g.Count());
        }).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        var byCode = organizations.ToDictionary(o => o.Name);
        var packages = published.Select(d => Package(d, bodies[d.TenantId], byCode[d.TenantId],
                summaries.GetValueOrDefault(d.TenantId) ?? new RegisterSummary(DateTime.MinValue, 0, 0), fiscal, siteUrl, licences))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        return new Catalog(packages, organizations);
    }

    /// <summary>A package by its <c>id</c> (UUID) or <c>name</c>, as CKAN's <c>package_show</c> accepts either.</summary>
    public CkanPackage? FindPackage(string? idOrName) => Packages.FirstOrDefault(p => p.Id == idOrName || p.Name == idOrName);

    public CkanOrganization? FindOrganization(string? idOrName) => Organizations.FirstOrDefault(o => o.Id == idOrName || o.Name == idOrName);

    /// <summary>The CKAN <c>name</c> of a tenant's dataset: <c>222127-public-facilities</c>.</summary>
    public static string PackageName(string tenant, DatasetKind kind) => $"{tenant}-{kind.Slug}";

    /// <summary>CKAN's timestamp form: UTC without an offset, microseconds (<c>2026-11-22T01:02:03.456789</c>).</summary>
    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>The stable download path of a table in a format: <c>/opendata/222127/facilities/public-facilities.csv</c>.</summary>
    public static string DownloadPath(string tenant, DatasetKind kind, ResourceTableInfo table, ResourceFormat format) =>
        $"/opendata/{tenant}/{kind.Id}/{table.Name}.{format.Extension}";

    /// <summary>
    /// A name-based UUID (RFC 4122 version 5: SHA-1 of a namespace and the name), so that ids stay the same across
    /// rebuilds of the catalogue and across servers; harvesters de-duplicate by <c>id</c>.
    /// </summary>
    public static string StableId(string name) => NameBasedUuid(Namespace, name);

    /// <summary>RFC 4122 §4.3 with SHA-1 (version 5).</summary>
    internal static string NameBasedUuid(Guid space, string name)
    {
        Span<byte> input = stackalloc byte[16 + System.Text.Encoding.UTF8.GetByteCount(name)];
        space.TryWriteBytes(input, bigEndian: true, out _);
        System.Text.Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // Not security: RFC 4122 defines version 5 UUIDs with SHA-1.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString();
    }

    // The namespace of InfraLedger's catalogue ids (a fixed random UUID): never change it, or every id changes.
    private static readonly Guid Namespace = new("5b0c3c7e-8f0a-4d6b-9d55-2f1c6a7e0b11");

    private static CkanOrganization Organization(LocalGovernment body, string prefecture, DateTime created, int packages)
    {
        var fullName = body.Kind == LocalGovernmentKind.Prefecture ? body.Name : prefecture + body.Name;
        return new CkanOrganization(StableId("organization:" + body.Code), body.Code, body.Name, body.Name,
            $"{fullName}（{CodeExtra} {body.Code}）が InfraLedger で公開しているオープンデータ。", "", Timestamp(created),
            true, "approved", "active", "organization", packages,
            [new(CodeExtra, body.Code), new("都道府県", prefecture), new("団体名", fullName)]);
    }

    private static CkanPackage Package(OpenDataset d, LocalGovernment body, CkanOrganization org, RegisterSummary register,
        StatisticsSource? fiscal, string siteUrl, OpenDataLicences licences)
    {
        var kind = DatasetKind.Find(d.Kind) ?? throw new InvalidOperationException($"未知のデータセット種別 {d.Kind}");
        var name = PackageName(body.Code, kind);
        var id = StableId(name);
        var licence = licences.Describe(d.Licence);
        var modified = d.UpdatedAtUtc > register.NewestChangeUtc ? d.UpdatedAtUtc : register.NewestChangeUtc;
        var resources = kind.Tables.SelectMany(t => ResourceFormat.All.Select(f => (Table: t, Format: f))).Select((r, i) =>
        {
            var credit = r.Table.Name == "fiscal-indicators" && fiscal is not null ? fiscal : null;
            return new CkanResource(
                StableId($"{name}/{r.Table.Name}.{r.Format.Extension}"), id, siteUrl + DownloadPath(body.Code, kind, r.Table, r.Format),
                $"{r.Table.Title}（{r.Format.Name}）",
                r.Table.Description + EncodingNote(r.Format) + (credit is null ? "" : $" {credit.Attribution}（{credit.Licence}。データセットのライセンスではなくこの出典の利用条件によります）"),
                r.Format.Name, r.Format.MediaType, null, null, Timestamp(d.PublishedAtUtc), Timestamp(modified), null, "", i, "active", false,
                credit?.Licence);
        }).ToList();
        var tags = kind.Tags.Select(t => new CkanTag(StableId("tag:" + t), t, t, "active", null)).ToList();
        return new CkanPackage(id, name, $"{body.Name} {kind.Title}", body.Name, null, body.Name, null,
            licence.Id, licence.Title, licence.Url.Length > 0 ? licence.Url : null, kind.Description + SampleNotice(kind, register),
            $"{siteUrl}/opendata/{body.Code}/{kind.Id}", null, "active", "dataset", org.Id, org, false, true, tags, [],
            [new(CodeExtra, body.Code), new("文字コード", "UTF-8（CSV は既定で BOM 付き、?bom=false で BOM なし）")],
            resources, resources.Count, tags.Count, Timestamp(d.PublishedAtUtc), Timestamp(modified))
        {
            ModifiedUtc = modified,
            CreatedUtc = d.PublishedAtUtc,
        };
    }

    private static string EncodingNote(ResourceFormat format) =>
        format.Extension == "csv" ? " UTF-8（既定で BOM 付き）、RFC 4180、1行目が見出し。" : "";

    /// <summary>The demo register is partly real open data and partly generated: say so wherever it is published.</summary>
    private static string SampleNotice(DatasetKind kind, RegisterSummary register) => kind.Id switch
    {
        DatasetKind.Facilities when register.SampleFacilities > 0 =>
            $"\n\n※ うち {register.SampleFacilities} 施設はデモ用に生成したサンプルデータで、実在の施設ではありません（備考欄に記載）。",
        DatasetKind.Register when register.SampleAssets > 0 =>
            $"\n\n※ うち {register.SampleAssets} 件はデモ用に生成したサンプルデータで、実在の資産ではありません（列「サンプルデータ」が 1 の行）。",
        _ => "",
    };
}
