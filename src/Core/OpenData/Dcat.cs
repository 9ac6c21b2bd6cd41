using System.Globalization;
using System.Text.Json.Nodes;

namespace InfraLedger.Core.OpenData;

/// <summary>
/// The catalogue in DCAT as JSON-LD, after ckanext-dcat's mapping of CKAN fields (open-data.md §4.6): a
/// <c>dcat:Catalog</c> paged as a Hydra <c>PagedCollection</c>, each dataset a <c>dcat:Dataset</c> with its
/// <c>dcat:Distribution</c>s. URIs: <c>{site}/dataset/{id}</c> and <c>{site}/dataset/{id}/resource/{resource id}</c>.
/// </summary>
public static class Dcat
{
    /// <summary>Datasets per catalogue page (ckanext-dcat's <c>ckanext.dcat.datasets_per_page</c> default).</summary>
    public const int PageSize = 100;

    /// <summary>One page of the catalogue; <paramref name="modifiedSince"/> keeps the datasets modified at or after it.</summary>
    public static JsonObject CatalogPage(Catalog catalog, string siteUrl, int page, DateTime? modifiedSince)
    {
        var datasets = catalog.Packages.Where(p => modifiedSince is null || p.ModifiedUtc >= modifiedSince)
            .OrderByDescending(p => p.ModifiedUtc).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var last = Math.Max(1, (datasets.Count + PageSize - 1) / PageSize);
        var since = modifiedSince is { } m ? "&modified_since=" + Uri.EscapeDataString(m.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)) : "";
        string PageUri(int n) => $"{siteUrl}/catalog.jsonld?page={n}{since}";
        var paging = new JsonObject
        {
            ["@id"] = PageUri(page),
            ["@type"] = "hydra:PagedCollection",
            ["hydra:totalItems"] = datasets.Count,
            ["hydra:itemsPerPage"] = PageSize,
            ["hydra:firstPage"] = PageUri(1),
            ["hydra:lastPage"] = PageUri(last),
        };
        if (page < last)
        {
            paging["hydra:nextPage"] = PageUri(page + 1);
        }

        if (page > 1)
        {
            paging["hydra:previousPage"] = PageUri(page - 1);
        }

        var catalogNode = new JsonObject
        {
            ["@id"] = siteUrl + "/catalog.jsonld",
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = Japanese("InfraLedger インフラ台帳 オープンデータカタログ"),
            ["dct:description"] = Japanese("地方公共団体が公開した公共施設一覧・固定資産台帳・指標のデータセット"),
            ["dct:language"] = "ja",
            ["foaf:homepage"] = Ref(siteUrl + "/"),
            ["dcat:dataset"] = new JsonArray([.. datasets.Skip((page - 1) * PageSize).Take(PageSize).Select(p => (JsonNode)Dataset(p, siteUrl))]),
        };
        return new JsonObject { ["@context"] = Context(), ["@graph"] = new JsonArray(catalogNode, paging) };
    }

    /// <summary>One dataset as a JSON-LD document (<c>/dataset/{id}.jsonld</c>).</summary>
    public static JsonObject DatasetDocument(CkanPackage package, string siteUrl)
    {
        var node = Dataset(package, siteUrl);
        node.Insert(0, "@context", Context());
        return node;
    }

    private static JsonObject Dataset(CkanPackage p, string siteUrl) => new()
    {
        ["@id"] = $"{siteUrl}/dataset/{p.Id}",
        ["@type"] = "dcat:Dataset",
        ["dct:identifier"] = p.Id,
        ["dct:title"] = Japanese(p.Title),
        ["dct:description"] = Japanese(p.Notes),
        ["dcat:keyword"] = new JsonArray([.. p.Tags.Select(t => (JsonNode)Japanese(t.Name))]),
        ["dct:issued"] = DateTime(p.CreatedUtc),
        ["dct:modified"] = DateTime(p.ModifiedUtc),
        ["dcat:landingPage"] = Ref(p.Url),
        ["dct:license"] = License(p.LicenseUrl, p.LicenseTitle),
        ["dct:publisher"] = new JsonObject
        {
            ["@type"] = "foaf:Organization",
            ["foaf:name"] = Japanese(p.Organization.Title),
            ["dct:identifier"] = p.Organization.Name,
        },
        ["dcat:distribution"] = new JsonArray([.. p.Resources.Select(r => (JsonNode)new JsonObject
        {
            ["@id"] = $"{siteUrl}/dataset/{p.Id}/resource/{r.Id}",
            ["@type"] = "dcat:Distribution",
            ["dct:title"] = Japanese(r.Name),
            ["dct:description"] = Japanese(r.Description),
            ["dcat:accessURL"] = Ref(r.Url),
            ["dcat:downloadURL"] = Ref(r.Url),
            ["dcat:mediaType"] = r.Mimetype,
            ["dct:format"] = r.Format,
            ["dct:license"] = r.License is { } own ? License(null, own) : License(p.LicenseUrl, p.LicenseTitle),
        })]),
    };

    private static JsonObject Context() => new()
    {
        ["dcat"] = "http://www.w3.org/ns/dcat#",
        ["dct"] = "http://purl.org/dc/terms/",
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["hydra"] = "http://www.w3.org/ns/hydra/core#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
    };

    private static JsonObject Japanese(string text) => new() { ["@value"] = text, ["@language"] = "ja" };

    private static JsonObject Ref(string uri) => new() { ["@id"] = uri };

    private static JsonObject DateTime(DateTime utc) =>
        new() { ["@value"] = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), ["@type"] = "xsd:dateTime" };

    /// <summary>A licence with a URL is a resource; one without (a credit line) stays text.</summary>
    private static JsonObject License(string? url, string title) =>
        url is not null ? Ref(url) : new JsonObject { ["@type"] = "dct:LicenseDocument", ["dct:title"] = Japanese(title) };
}
