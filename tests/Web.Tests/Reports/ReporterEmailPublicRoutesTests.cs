using System.Net;
using InfraLedger.Core.Reports;
using InfraLedger.Web.Tests.OpenData;
using InfraLedger.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>
/// Issue 22 item 4: a reporter's e-mail (and name, phone and link key) appears in no public output — every anonymous GET
/// route of the application (pages, the public list and CSV, open data and its catalogue, Open311 in JSON and XML,
/// dashboards), taken from the routing table so that a route added later is covered too.
/// </summary>
public sealed class ReporterEmailPublicRoutesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Email = "hear-back-secret@example.jp";
    private AppFactory app = null!;
    private ResidentReport report = null!;

    public async Task InitializeAsync()
    {
        app = await AppFactory.CreateWithStatisticsAsync();
        await OpenDataSeed.RegistersAsync(app.Database);
        await OpenDataSeed.PublishAsync(app.Database, Yaizu, "facilities");
        await using var db = app.Database.Context(Yaizu, actor: "test-setup");
        await Services.AddDefaultsAsync(db, DateTime.UtcNow, default);
        var submission = new Submission("101", "34.8671", "138.3202", "本町の交差点", null, null, "路面に穴があります。",
            new Dictionary<string, IReadOnlyList<string>> { ["damage"] = ["pothole"], ["danger"] = ["high"] }, [],
            new Submission.Reporter(Email, "090-9876-5432", "秘密花子", "秘密姓", "device-secret", "account-secret"), "web", []);
        report = (await ResidentReports.SubmitAsync(db, submission, DateTime.UtcNow.AddDays(-1), default)).Value;
        (await Workflow.PublishAsync(db, report.Id, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue(); // public routes show published reports only
        (await Workflow.SetStatusAsync(db, report.Id, ReportStatus.Fixed, "補修しました。", DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task no_public_route_shows_a_reporters_email_name_phone_or_link_key()
    {
        var id = report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var values = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["lgcode"] = [Yaizu], ["id"] = [id], ["n"] = ["1"], ["format"] = ["json", "xml", "jsonld", "ttl"], ["code"] = ["101", Yaizu],
            ["dataset"] = ["facilities"], ["token"] = [report.Token], ["action"] = ["package_list", "package_search", "organization_list", "status_show"],
            ["file"] = ["public-facilities.csv", "public-facilities.json"],
        };
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } m || m.HttpMethods.Contains("GET"))
            .ToList();
        var urls = new List<string>();
        foreach (var endpoint in endpoints)
        {
            urls.AddRange(Expand(endpoint.RoutePattern, values));
        }

        // The same routes as clients ask them: with the body, the English switch, Open311's jurisdiction and extensions.
        urls.AddRange([
            $"/{Yaizu}/report/{id}?lang=en", $"/{Yaizu}/report/list?lang=en", $"/{Yaizu}/report/list.csv?lang=en",
            $"/open311/v2/requests.json?jurisdiction_id={Yaizu}&extensions=true", $"/open311/v2/requests.xml?jurisdiction_id={Yaizu}&extensions=true",
            $"/open311/v2/requests/{id}.json?jurisdiction_id={Yaizu}&extensions=true", $"/open311/v2/requests/{id}.xml?jurisdiction_id={Yaizu}",
            $"/open311/v2/services.json?jurisdiction_id={Yaizu}", "/api/3/action/package_search?q=", $"/api/3/action/organization_show?id={Yaizu}",
            $"/dashboard/body/{Yaizu}",
        ]);
        var client = app.Client();
        var visited = new List<string>();
        var leaks = new List<string>();
        foreach (var url in urls.Distinct(StringComparer.Ordinal))
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            visited.Add(url);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var secret in new[] { Email, "hear-back-secret", "090-9876-5432", "秘密花子", "秘密姓", "device-secret", "account-secret", report.ReporterKey! })
            {
                if (body.Contains(secret, StringComparison.Ordinal))
                {
                    leaks.Add($"{url}: {secret}");
                }
            }
        }

        output.WriteLine($"{visited.Count} public responses read:\n{string.Join("\n", visited)}");
        leaks.ShouldBeEmpty(string.Join("\n", leaks));
        foreach (var needed in new[]
                 {
                     $"/{Yaizu}/report", $"/{Yaizu}/report/{id}", $"/{Yaizu}/report/list", $"/{Yaizu}/report/list.csv", $"/{Yaizu}/report/list.geojson",
                     $"/open311/v2/requests.json?jurisdiction_id={Yaizu}&extensions=true", $"/open311/v2/requests.xml?jurisdiction_id={Yaizu}&extensions=true",
                     $"/open311/v2/requests/{id}.json?jurisdiction_id={Yaizu}&extensions=true", "/catalog.jsonld", "/api/3/action/package_list",
                     $"/opendata/{Yaizu}/facilities/public-facilities.csv",
                 })
        {
            visited.ShouldContain(needed, "the public routes the issue names must have been read");
        }
    }

    /// <summary>The route filled with every combination of the known values; none when a required parameter has no value.</summary>
    private static IEnumerable<string> Expand(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, Dictionary<string, string[]> values)
    {
        var paths = new List<string> { "" };
        foreach (var segment in pattern.PathSegments)
        {
            var next = new List<string>();
            foreach (var path in paths)
            {
                var texts = new List<string> { "" };
                foreach (var part in segment.Parts)
                {
                    var options = part switch
                    {
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => [literal.Content],
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => [separator.Content],
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter when values.TryGetValue(parameter.Name, out var known) => known,
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { IsOptional: true } => [""],
                        _ => (string[]?)null,
                    };
                    if (options is null)
                    {
                        yield break;
                    }

                    texts = [.. texts.SelectMany(t => options.Select(o => t + o))];
                }

                next.AddRange(texts.Select(t => t.Length == 0 ? path : path + "/" + t));
            }

            paths = next;
        }

        foreach (var path in paths)
        {
            yield return path.Length == 0 ? "/" : path;
        }
    }
}
