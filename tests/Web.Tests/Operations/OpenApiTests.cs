using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using InfraLedger.Web.Operations;
using InfraLedger.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace InfraLedger.Web.Tests.Operations;

/// <summary>Issue 23 item 5: the OpenAPI document validates and lists every machine route of the endpoint table.</summary>
public sealed partial class OpenApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private async Task<string> DocumentAsync()
    {
        var response = await shared.Factory.Client().GetAsync(MachineInterfaces.Path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task the_document_is_served_anonymously_and_reads_without_errors()
    {
        var json = await DocumentAsync();

        var read = OpenApiDocument.Parse(json, OpenApiConstants.Json);

        read.Diagnostic!.Errors.ShouldBeEmpty(string.Join("; ", read.Diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        read.Document.ShouldNotBeNull();
        read.Document.Info.Title!.ShouldContain("InfraLedger");
        read.Document.Validate(ValidationRuleSet.GetDefaultRuleSet())!.ShouldBeEmpty();
    }

    [Fact]
    public async Task every_api_v1_open311_ckan_dcat_and_export_route_of_the_endpoint_table_is_in_the_document()
    {
        using var document = JsonDocument.Parse(await DocumentAsync());
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        var machine = Routes().Where(r => r.Path.StartsWith("/api/v1", StringComparison.Ordinal) || r.Path.StartsWith("/open311/", StringComparison.Ordinal)
                || r.Path.StartsWith("/api/3/", StringComparison.Ordinal) || r.Path.EndsWith(".jsonld", StringComparison.Ordinal)
                || r.Path.EndsWith("/export", StringComparison.Ordinal) || r.Path.StartsWith("/opendata/", StringComparison.Ordinal))
            .ToList();

        machine.Count(r => r.Path.StartsWith("/open311/", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(9);
        machine.Count(r => r.Path.StartsWith("/api/v1", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(5);
        machine.Select(r => $"{r.Method} {r.Path}").Where(r => !documented.Contains(r)).ShouldBeEmpty();
    }

    [Fact]
    public async Task every_request_of_the_http_files_names_a_documented_route()
    {
        using var document = JsonDocument.Parse(await DocumentAsync());
        var templates = document.RootElement.GetProperty("paths").EnumerateObject()
            .Select(p => new Regex("^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{[^}]+}", "[^/]+") + "$")).ToList();
        var files = Directory.EnumerateFiles(Path.Combine(Architecture.ArchitectureTests.RepositoryRoot(), "src", "Web", "Pages"), "*.http", SearchOption.AllDirectories).ToList();

        files.ShouldNotBeEmpty();
        var requests = files.SelectMany(f => RequestLine().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Path: m.Groups["path"].Value))).ToList();
        requests.Count.ShouldBeGreaterThanOrEqualTo(files.Count);
        requests.Where(r => !templates.Any(t => t.IsMatch(r.Path))).ShouldBeEmpty();
    }

    /// <summary>The endpoint table: each route endpoint's methods and pattern, constraints removed as OpenAPI writes them.</summary>
    private List<(string Method, string Path)> Routes() =>
        [.. shared.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (m, Normalise(e.RoutePattern.RawText!))))];

    private static string Normalise(string pattern) => Constraint().Replace("/" + pattern.TrimStart('/'), "{$1}").TrimEnd('/') is { Length: > 0 } p ? p : "/";

    [GeneratedRegex(@"\{([A-Za-z_]+)(?::[^}]*)?\}")]
    private static partial Regex Constraint();

    /// <summary>A request line of a .http file: method, {{host}}, path (the query left off).</summary>
    [GeneratedRegex(@"^(?:GET|POST|PUT|DELETE) \{\{host\}\}(?<path>/[^?\s]*)", RegexOptions.Multiline)]
    private static partial Regex RequestLine();
}
