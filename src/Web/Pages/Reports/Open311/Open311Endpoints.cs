using System.Globalization;
using System.Text.RegularExpressions;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tenancy;

namespace InfraLedger.Web.Pages.Reports.Open311;

/// <summary>
/// Open311 GeoReport v2 for every tenant under <c>/open311/v2/</c> (open311.md): <c>jurisdiction_id</c> is the
/// 6-digit 団体コード and is required, since one endpoint serves every jurisdiction. XML or JSON by the path suffix;
/// errors as <c>errors/error/{code,description}</c> with 400, 403 or 404. POST needs an API token of the tenant as
/// <c>api_key</c>; GET with one also lists the tenant's hidden reports. Reporters' contact details never leave.
/// </summary>
public static partial class Open311Endpoints
{
    public const string Prefix = "/open311/v2";
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    public static bool IsOpen311(HttpRequest request) => request.Path.StartsWithSegments(Prefix);

    public static void MapOpen311(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).AllowAnonymous().DisableAntiforgery();
        api.MapGet("/discovery.{format}", (string format, HttpContext http, AppDbContext db, CancellationToken ct) =>
            Run(http, db, format, call => Open311Handlers.DiscoveryAsync(call, ct), ct, tenant: false));
        api.MapGet("/services.{format}", (string format, HttpContext http, AppDbContext db, CancellationToken ct) =>
            Run(http, db, format, call => Open311Handlers.ServicesAsync(call, ct), ct));
        api.MapGet("/services/{code}.{format}", (string code, string format, HttpContext http, AppDbContext db, CancellationToken ct) =>
            Run(http, db, format, call => Open311Handlers.DefinitionAsync(call, code, ct), ct));
        api.MapPost("/requests.{format}", (string format, HttpContext http, AppDbContext db, CancellationToken ct) =>
            Run(http, db, format, call => Open311Handlers.PostAsync(call, ct), ct))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ReportLimits.MaxFormBytes));
        api.MapGet("/tokens/{token}.{format}", (string token, string format, HttpContext http, AppDbContext db, CancellationToken ct) =>
            Run(http, db, format, call => Open311Handlers.TokenAsync(call, token, ct), ct));
        api.MapGet("/requests.{format}", (string format, HttpContext http, AppDbContext db, CancellationToken ct) =>
            Run(http, db, format, call => Open311Handlers.RequestsAsync(call, null, ct), ct));
        api.MapGet("/requests/{id}.{format}", (string id, string format, HttpContext http, AppDbContext db, CancellationToken ct) =>
            Run(http, db, format, call => Open311Handlers.RequestsAsync(call, id, ct), ct));
        // The Swagger file of the specification spells the single request /request/{id} (open311.md §5): an alias.
        api.MapGet("/request/{id}.{format}", (string id, string format, HttpContext http, AppDbContext db, CancellationToken ct) =>
            Run(http, db, format, call => Open311Handlers.RequestsAsync(call, id, ct), ct));
        api.MapGet("/servicerequestupdates.{format}", (string format, HttpContext http, AppDbContext db, CancellationToken ct) =>
            Run(http, db, format, call => Open311Handlers.UpdatesAsync(call, ct), ct));
    }

    /// <summary>An Open311 error document written outside a handler (a refusal of the request itself), in the format the path asks for.</summary>
    public static Task WriteFailureAsync(HttpContext http, int status, string description, CancellationToken ct) =>
        new Open311Call(http, null!, http.Request.Path.Value?.EndsWith(".json", StringComparison.Ordinal) == true, null)
            .FailAsync(status, description, ct);

    private static async Task Run(HttpContext http, AppDbContext db, string format, Func<Open311Call, Task> handler, CancellationToken ct, bool tenant = true)
    {
        var json = format == "json";
        var call = new Open311Call(http, db, json, null);
        if (format is not ("json" or "xml"))
        {
            await call.FailAsync(StatusCodes.Status404NotFound, $"形式「{format}」には対応していません（xml か json）。", ct);
            return;
        }

        if (!tenant)
        {
            await handler(call);
            return;
        }

        var jurisdiction = await call.FormAsync("jurisdiction_id", ct);
        if (jurisdiction is null)
        {
            await call.FailAsync(StatusCodes.Status400BadRequest, "jurisdiction_id（6桁の団体コード）を指定してください。", ct);
            return;
        }

        var body = await Tenants.FindAsync(db, jurisdiction, ct);
        if (!body.IsSuccess)
        {
            await call.FailAsync(ErrorResponses.StatusOf(body.Error!.Kind), "jurisdiction_id: " + body.Error.Message, ct);
            return;
        }

        db.Scope.Enter(LocalGovernmentCode.Parse(body.Value.Code).Value);
        var key = await call.FormAsync("api_key", ct);
        var post = HttpMethods.IsPost(http.Request.Method);
        var limits = http.RequestServices.GetRequiredService<KeyLimits>();
        if ((key is not null || post) && !limits.MayTry(http))
        {
            await call.FailAsync(StatusCodes.Status429TooManyRequests, KeyLimits.TooManyFailures, ct);
            return;
        }

        ApiToken? token = null;
        if (key is not null)
        {
            token = await ApiTokens.AuthenticateAsync(db, key, ct);
            if (token is null || token.TenantId != body.Value.Code)
            {
                limits.Failed(http);
                await call.FailAsync(StatusCodes.Status403Forbidden, "api_key が正しくないか、この jurisdiction_id の団体のものではありません。", ct);
                return;
            }

            // The key's own allowance is taken only now that its secret is verified (F3).
            if (post && !limits.MayPost(token))
            {
                await call.FailAsync(StatusCodes.Status429TooManyRequests, KeyLimits.TooManyPosts, ct);
                return;
            }

            db.Scope.Actor = "token:" + token.Id;
        }
        else
        {
            if (post)
            {
                limits.Failed(http); // a POST without a key is refused by the handler: it counts as a failed attempt
            }

            db.Scope.Actor = "anonymous:open311";
        }

        await handler(call with { Token = token, Body = body.Value });
    }

    [GeneratedRegex(@"^attribute\[([^\]]+)\](\[\])?$")]
    internal static partial Regex AttributeKey();
}

/// <summary>One Open311 request: where to write, in which format, for which tenant and token.</summary>
public sealed record Open311Call(HttpContext Http, AppDbContext Db, bool Json, ApiToken? Token)
{
    public LocalGovernment Body { get; init; } = null!;

    /// <summary>A parameter of the query or (POST) the form; empty is absent (open311.md §3).</summary>
    public async Task<string?> FormAsync(string name, CancellationToken ct)
    {
        var request = Http.Request;
        string? value = request.Query[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (value is null && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            value = form[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        }

        return value?.Trim();
    }

    public Task SendAsync(string rootName, Open311Node node, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        Http.Response.StatusCode = status;
        Http.Response.ContentType = Json ? Open311Document.Json : Open311Document.Xml;
        return Http.Response.Body.WriteAsync(Open311Document.Write(rootName, node, Json), ct).AsTask();
    }

    public Task FailAsync(int status, string description, CancellationToken ct) =>
        SendAsync("errors", Open311Node.List("errors", "error",
            [Open311Node.Obj(("code", status.ToString(CultureInfo.InvariantCulture)), ("description", description))]), ct, status);

    /// <summary>A Core refusal, with the status of its kind (an unknown service or report is 404, anything else 400).</summary>
    public Task FailAsync(Error error, CancellationToken ct) =>
        FailAsync(ErrorResponses.StatusOf(error.Kind),
            error.Field is null ? error.Message : $"{error.Field}: {error.Message}", ct);
}
