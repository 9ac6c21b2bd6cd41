using System.Text.Encodings.Web;
using System.Text.Json;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.OpenData;
using InfraLedger.Web.Tenancy;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.OpenData;

/// <summary>
/// The open-data catalogue for machines, anonymous and read-only: a CKAN Action API subset under <c>/api/3/action/</c>
/// with CKAN's <c>{help, success, result}</c> envelope and error types (open-data.md §4.1–4.5), DCAT JSON-LD
/// (§4.6), and the published files at stable URLs. Only published datasets exist here; everything else is 404.
/// </summary>
public static class CkanEndpoints
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] Extensions = ["dcat"];

    private static readonly Dictionary<string, string> Help = new(StringComparer.Ordinal)
    {
        ["package_list"] = "公開されているデータセットの name の一覧。limit・offset で区切れます。",
        ["package_search"] = "データセットの検索。q（検索語、*:* はすべて）、fq（organization:・tags:・res_format:・metadata_modified:[… TO *]）、rows（既定10、最大1000）、start、sort（既定 score desc, metadata_modified desc）。",
        ["package_show"] = "データセット1件（id は UUID または name）。",
        ["organization_list"] = "公開している団体の name（団体コード）の一覧。all_fields=true で詳細。",
        ["organization_show"] = "団体1件（id は UUID または団体コード）。include_datasets=true でデータセットも。",
        ["status_show"] = "このカタログの情報。",
        ["help_show"] = "アクションの説明（name=アクション名）。",
    };

    /// <summary>The read actions, which also answer a POST with a JSON body (<see cref="CkanPost"/>).</summary>
    public static IReadOnlyCollection<string> ReadActions => Help.Keys;

    public static void MapOpenDataCatalog(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/3/action").AllowAnonymous();
        api.MapGet("/package_list", async (int? limit, int? offset, HttpContext http, AppDbContext db, OpenDataLicences licences, CancellationToken ct) =>
        {
            var names = (await LoadAsync(http, db, licences, ct)).Packages.Select(p => p.Name).Skip(Math.Max(0, offset ?? 0));
            return Ok(http, "package_list", limit is > 0 ? names.Take(limit.Value).ToList() : names.ToList());
        });

        api.MapGet("/package_search", async (string? q, string? rows, string? start, string? sort, HttpContext http, AppDbContext db, OpenDataLicences licences, CancellationToken ct) =>
        {
            var query = CkanSearch.Parse(q, [.. http.Request.Query["fq"].OfType<string>(), .. http.Request.Query["fq_list"].OfType<string>()], rows, start, sort);
            if (!query.IsSuccess)
            {
                return query.Error!.Code == CkanSearch.QueryErrorCode
                    ? Fail(http, "package_search", StatusCodes.Status400BadRequest, "Search Query Error", query.Error)
                    : Fail(http, "package_search", StatusCodes.Status409Conflict, "Validation Error", query.Error);
            }

            var page = CkanSearch.Run((await LoadAsync(http, db, licences, ct)).Packages, query.Value);
            var facets = page.Facets.ToDictionary(f => f.Key, f => f.Value.Items.ToDictionary(i => i.Name, i => i.Count));
            return Ok(http, "package_search", new { page.Count, page.Sort, Facets = facets, page.Results, SearchFacets = page.Facets });
        });

        api.MapGet("/package_show", async (string? id, HttpContext http, AppDbContext db, OpenDataLicences licences, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(id) ? Missing(http, "package_show", "id")
            : (await LoadAsync(http, db, licences, ct)).FindPackage(id) is { } package ? Ok(http, "package_show", package)
            : NotFound(http, "package_show", $"データセット「{id}」は見つかりません（公開されていないか、ありません）。"));

        api.MapGet("/organization_list", async (bool? all_fields, HttpContext http, AppDbContext db, OpenDataLicences licences, CancellationToken ct) =>
        {
            var organizations = (await LoadAsync(http, db, licences, ct)).Organizations;
            return all_fields == true ? Ok(http, "organization_list", organizations) : Ok(http, "organization_list", organizations.Select(o => o.Name).ToList());
        });

        api.MapGet("/organization_show", async (string? id, bool? include_datasets, HttpContext http, AppDbContext db, OpenDataLicences licences, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                return Missing(http, "organization_show", "id");
            }

            var catalog = await LoadAsync(http, db, licences, ct);
            if (catalog.FindOrganization(id) is not { } org)
            {
                return NotFound(http, "organization_show", $"団体「{id}」は見つかりません（オープンデータを公開していないか、ありません）。");
            }

            return include_datasets == true
                ? Ok(http, "organization_show", new OrganizationWithPackages(org, [.. catalog.Packages.Where(p => p.OwnerOrg == org.Id)]))
                : Ok(http, "organization_show", org);
        });

        api.MapGet("/status_show", (HttpContext http) => Ok(http, "status_show", new
        {
            SiteTitle = "InfraLedger インフラ台帳 オープンデータ",
            SiteDescription = "地方公共団体が公開した公共施設・固定資産台帳・指標のカタログ（CKAN Action API 互換の読み取り専用サブセット）",
            SiteUrl = SiteUrl(http),
            CkanVersion = "2.10.0",
            LocaleDefault = "ja",
            ErrorEmailsTo = (string?)null,
            Extensions = Extensions,
        }));

        api.MapGet("/help_show", (string? name, HttpContext http) =>
            name is not null && Help.TryGetValue(name, out var text) ? Ok(http, "help_show", text) : NotFound(http, "help_show", $"アクション「{name}」はありません。"));

        // Every other action, and any write: refused in the envelope, never with an HTML page.
        api.MapGet("/{action}", (string action, HttpContext http) =>
            Fail(http, action, StatusCodes.Status400BadRequest, "Bad Request Error", Errors.UnknownAction(action, Help.Keys)));
        api.MapMethods("/{action}", ["POST", "PUT", "PATCH", "DELETE"], (string action, HttpContext http) =>
            Fail(http, action, StatusCodes.Status405MethodNotAllowed, "Bad Request Error", Errors.ReadOnly));

        app.MapGet("/catalog.{format:regex(^(jsonld|ttl)$)}", async (string format, string? page, string? modified_since, HttpContext http, AppDbContext db, OpenDataLicences licences, CancellationToken ct) =>
        {
            // At most a million pages of 100: beyond, (page − 1) × size would overflow into the first page.
            if (!int.TryParse(page ?? "1", System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n is < 1 or > 1_000_000)
            {
                return ErrorResponses.ToProblem(Errors.PageInvalid(page));
            }

            DateTime? since = null;
            if (!string.IsNullOrWhiteSpace(modified_since))
            {
                if (!DateTime.TryParse(modified_since, System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return ErrorResponses.ToProblem(Errors.ModifiedSinceInvalid(modified_since));
                }

                since = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            }

            return Document(format, Dcat.CatalogPage(await LoadAsync(http, db, licences, ct), SiteUrl(http), n, since));
        }).AllowAnonymous();

        app.MapGet("/dataset/{id}.{format:regex(^(jsonld|ttl)$)}", async (string id, string format, HttpContext http, AppDbContext db, OpenDataLicences licences, CancellationToken ct) =>
            (await LoadAsync(http, db, licences, ct)).FindPackage(id) is { } package
                ? Document(format, Dcat.DatasetDocument(package, SiteUrl(http)))
                : ErrorResponses.ToProblem(Errors.DatasetNotFound(id)))
            .AllowAnonymous();

        app.MapGet("/opendata/{lgcode:lgcode}/{dataset}/{file}", async (string dataset, string file, bool? bom, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var dot = file.LastIndexOf('.');
            var format = dot > 0 ? ResourceFormat.Find(file[(dot + 1)..]) : null;
            var opened = format is null ? Core.OpenData.Errors.UnknownDataset($"{dataset}/{file}") : await Downloads.OpenAsync(db, http.Tenant(), dataset, file[..dot], ct);
            if (!opened.IsSuccess)
            {
                // An unknown or unpublished dataset's file is not there for this reader.
                await ErrorResponses.WriteAsync(http, opened.Error! with { Kind = ErrorKind.NotFound });
                return Results.Empty;
            }

            var contentType = format!.Extension == "xlsx" ? format.MediaType : format.MediaType + "; charset=utf-8";
            TableDownload.Attach(http, contentType, $"{opened.Value.FileName}.{format.Extension}");

            await opened.Value.WriteAsync(format, http.Response.Body, bom ?? true, ct);
            return Results.Empty;
        }).AllowAnonymous();
    }

    /// <summary>An organization with its datasets (<c>organization_show?include_datasets=true</c>).</summary>
    public sealed record OrganizationWithPackages(
        string Id, string Name, string Title, string DisplayName, string Description, string ImageUrl, string Created, bool IsOrganization,
        string ApprovalStatus, string State, string Type, int PackageCount, IReadOnlyList<CkanExtra> Extras, IReadOnlyList<CkanPackage> Packages)
    {
        public OrganizationWithPackages(CkanOrganization o, IReadOnlyList<CkanPackage> packages)
            : this(o.Id, o.Name, o.Title, o.DisplayName, o.Description, o.ImageUrl, o.Created, o.IsOrganization, o.ApprovalStatus, o.State, o.Type, o.PackageCount, o.Extras, packages)
        {
        }
    }

    /// <summary>DCAT as JSON-LD (<c>.jsonld</c>) or as Turtle (<c>.ttl</c>), the same triples.</summary>
    private static IResult Document(string format, System.Text.Json.Nodes.JsonObject document) =>
        format == "ttl" ? Results.Text(Turtle.Write(document), Turtle.MediaType + "; charset=utf-8") : JsonLd(document);

    private static IResult JsonLd(System.Text.Json.Nodes.JsonObject document) =>
        Results.Text(document.ToJsonString(Json), "application/ld+json; charset=utf-8");

    /// <summary>The address the catalogue is served at (scheme, host and base path of this request), without a trailing slash.</summary>
    public static string SiteUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    public static Task<Catalog> LoadAsync(HttpContext http, AppDbContext db, OpenDataLicences licences, CancellationToken ct) =>
        Catalog.LoadAsync(db, SiteUrl(http), licences, ct);

    private static string HelpUrl(HttpContext http, string action) => $"{SiteUrl(http)}/api/3/action/help_show?name={Uri.EscapeDataString(action)}";

    private static IResult Ok(HttpContext http, string action, object result) =>
        Results.Json(new { Help = HelpUrl(http, action), Success = true, Result = result }, Json);

    private static IResult NotFound(HttpContext http, string action, string message) =>
        Fail(http, action, StatusCodes.Status404NotFound, "Not Found Error", Errors.NotFound(message));

    private static IResult Missing(HttpContext http, string action, string field) =>
        Fail(http, action, StatusCodes.Status409Conflict, "Validation Error", Errors.Missing(field));

    /// <summary>CKAN's error object: <c>__type</c>, <c>message</c> and, for a validation error, the field with its messages.</summary>
    internal static IResult Fail(HttpContext http, string action, int status, string type, Error error)
    {
        var body = new Dictionary<string, object> { ["__type"] = type, ["message"] = error.Message };
        if (error.Field is { } field && type == "Validation Error")
        {
            body[field] = new[] { error.Message };
        }

        return Results.Json(new { Help = HelpUrl(http, action), Success = false, Error = body }, Json, statusCode: status);
    }
}
