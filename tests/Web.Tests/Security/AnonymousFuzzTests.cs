using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.OpenData;
using InfraLedger.Web.Tests.Reports;
using InfraLedger.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace InfraLedger.Web.Tests.Security;

/// <summary>
/// Issue 17 F2: anonymous requests answered 500. Every anonymous endpoint — found in the app's endpoint data sources, so a
/// new one is covered without touching this test — and every machine endpoint a token reaches gets generated bad values
/// in its route values, in the query and form parameters it binds (found from its handler's parameters and bound
/// properties) and in the parameters the application reads by name (found in its source); none may answer 5xx.
/// </summary>
public sealed partial class AnonymousFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const int RequestsPerEndpoint = 16;

    /// <summary>Values a careless or hostile client sends: out of range, wrong type, wrong encoding, huge, at calendar ends.</summary>
    private static readonly string[] Bad =
    [
        "", " ", "-1", "0", "1", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "99999999999999999999999999", "1e309", "-1e309", "NaN", "Infinity", "-0", "1.5",
        "0x1F", "１２３", "9999-12-31T23:59:59Z", "0001-01-01", "0001-01-01T00:00:00+14:00", "2021-02-30", "10000-01-01", "2021-13-01T25:61:61Z",
        "<script>alert(1)</script>", "' OR 1=1 --", "%", "../../../etc/passwd", "a,b,,c", "[]", "{}", "true", "null", "*:*", "🏯🚧",
        new string('x', 5000), new string('9', 400), "222127", "222128", "2021", "json", "xml", "csv", "en", "desc", "34.8,138.3", "\r\nX-Injected: 1",
        "organization:222127", "metadata_modified:[9999-12-31T23:59:59Z TO *]", "res_format:CSV OR", "name asc, x desc",
    ];

    /// <summary>Raw, already percent-encoded values that no string can produce: broken UTF-8 and a NUL.</summary>
    private static readonly string[] RawBad = ["%ED%A0%80", "%C3%28", "%FF%FE", "%00", "%E3%81"];

    /// <summary>Plausible values by route parameter name, so that requests reach the handlers half of the time.</summary>
    private static readonly Dictionary<string, string[]> Plausible = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lgcode"] = [Yaizu], ["code"] = [Yaizu, "101"], ["format"] = ["json", "xml"], ["dataset"] = ["facilities", "register"],
        ["file"] = ["facilities.csv", "facilities.json", "facilities.xlsx"], ["id"] = ["1", "facilities"], ["n"] = ["1"], ["number"] = ["1"],
        ["status"] = ["404", "500", "413"], ["action"] = ["package_list", "nothing"], ["token"] = ["t1"], ["table"] = ["ranking", "fiscal"],
    };

    private AppFactory app = null!;
    private string key = "";

    public async Task InitializeAsync()
    {
        app = await AppFactory.CreateWithStatisticsAsync();

        await OpenDataSeed.RegistersAsync(app.Database);
        await OpenDataSeed.PublishAsync(app.Database, Yaizu, "facilities");
        await Open311Client.SeedServicesAsync(app.Database);
        await Open311Samples.InsertAsync(app.Database, Yaizu, [(1, "101", DateTime.UtcNow.AddDays(-1), Core.Reports.ReportStatus.Received)]);
        key = await app.CreateTokenAsync(Yaizu, TenantRole.Viewer);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task F2_no_anonymous_or_machine_endpoint_answers_5xx_to_generated_bad_values()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        // The error page answers the status it is re-executed for; what it answers when requested directly is issue 17 F10's
        // and has its own test.
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && e.RoutePattern.RawText?.TrimStart('/').StartsWith("error", StringComparison.Ordinal) != true).ToList();
        var machine = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && IsMachine(e)).ToList();
        anonymous.Count.ShouldBeGreaterThan(30, "the public pages, Open311, CKAN, DCAT and the downloads");
        var names = NamesReadBySource();
        var random = new Random(17);
        var client = app.Client();
        var withToken = app.Client();
        withToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var failures = new List<string>();
        var requests = 0;

        foreach (var (endpoint, sender) in anonymous.Select(e => (e, client)).Concat(machine.Select(e => (e, withToken))))
        {
            var parameters = ParametersOf(endpoint).Concat(names).Distinct(StringComparer.Ordinal).ToList();
            foreach (var method in MethodsOf(endpoint))
            {
                for (var i = 0; i < RequestsPerEndpoint; i++)
                {
                    using var request = Build(random, endpoint.RoutePattern, method, parameters, oversize: method == "POST" && i == 0);
                    using var response = await sender.SendAsync(request);
                    requests++;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{(int)response.StatusCode} {method} {request.RequestUri}: {Shorten(await response.Content.ReadAsStringAsync())}");
                    }
                }
            }
        }

        output.WriteLine($"fuzz: {requests} requests to {anonymous.Count} anonymous and {machine.Count} machine endpoints, {failures.Count} responses ≥ 500");
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(30)));
    }

    /// <summary>The API and downloads a token reaches: JSON under /api and the export endpoints (pages are not for machines).</summary>
    private static bool IsMachine(RouteEndpoint e) =>
        e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is null && e.RoutePattern.RawText is { } raw
        && (raw.StartsWith("/api", StringComparison.Ordinal) || raw.Contains("export", StringComparison.Ordinal) || raw.Contains("photos", StringComparison.Ordinal));

    private static IEnumerable<string> MethodsOf(RouteEndpoint e) =>
        e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Where(m => m is "GET" or "POST") ?? ["GET", "POST"];

    /// <summary>The names a handler binds: a minimal API's parameters, a page's bound properties and handler parameters.</summary>
    private static IEnumerable<string> ParametersOf(RouteEndpoint e)
    {
        var names = new List<string>();
        foreach (var method in e.Metadata.OfType<MethodInfo>())
        {
            names.AddRange(method.GetParameters().Where(p => Simple(p.ParameterType)).Select(p => p.Name!));
        }

        if (e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
        {
            names.AddRange(page.BoundProperties.Select(p => p.BindingInfo?.BinderModelName ?? p.Name));
            names.AddRange(page.HandlerMethods.SelectMany(h => h.Parameters).Select(p => p.BindingInfo?.BinderModelName ?? p.Name));
            names.Add("handler");
        }

        return names.Where(n => e.RoutePattern.GetParameter(n) is null);
    }

    private static bool Simple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(Guid);
    }

    /// <summary>
    /// The parameters the application reads by name rather than by binding (Open311's, CKAN's <c>fq</c>…), from its source:
    /// <c>Query["x"]</c>, <c>form["x"]</c>, <c>FormAsync("x")</c>, <c>Field("x")</c>, <c>Get("x")</c> and the names of loops over them.
    /// </summary>
    private static List<string> NamesReadBySource()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "InfraLedger.slnx")))
        {
            root = root.Parent;
        }

        var src = Path.Combine(root!.FullName, "src");
        var names = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ReadByName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(["start_date", "end_date", "updated_after", "updated_before", "attribute[damage]", "media", "__RequestVerificationToken"])
            .Distinct(StringComparer.Ordinal).ToList();
        names.Count.ShouldBeGreaterThan(20);
        return names;
    }

    private static HttpRequestMessage Build(Random random, RoutePattern pattern, string method, List<string> parameters, bool oversize)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => random.Next(3) > 0 && Plausible.TryGetValue(parameter.Name, out var good)
                        ? good[random.Next(good.Length)] : Value(random, segment: true),
                    _ => "",
                });
            }
        }

        var fields = Enumerable.Range(0, random.Next(1, 5)).Select(_ => (Name: parameters[random.Next(parameters.Count)], Value: Value(random, segment: false))).ToList();
        var query = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={f.Value}"));
        if (method == "GET")
        {
            return new HttpRequestMessage(HttpMethod.Get, $"{path}?{query}");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, random.Next(2) == 0 ? path.ToString() : $"{path}?{query}");
        request.Content = oversize
            ? new StringContent("description=" + new string('a', (4 * 1024 * 1024) + 1), Encoding.ASCII, "application/x-www-form-urlencoded")
            : random.Next(4) == 0 ? Multipart(random, fields) : new StringContent(query, Encoding.ASCII, "application/x-www-form-urlencoded");
        return request;
    }

    private static MultipartFormDataContent Multipart(Random random, List<(string Name, string Value)> fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(Uri.UnescapeDataString(value.Replace("%", "%25", StringComparison.Ordinal))), name);
        }

        var garbage = new byte[random.Next(0, 4096)];
        random.NextBytes(garbage);
        form.Add(new ByteArrayContent(garbage), random.Next(2) == 0 ? "media" : "Upload", "garbage.jpg");
        return form;
    }

    /// <summary>A bad value, percent-encoded for a URL or a url-encoded form.</summary>
    private static string Value(Random random, bool segment)
    {
        if (random.Next(8) == 0)
        {
            // A NUL in the path is refused by the server before the application (and by the test client before sending).
            var raw = RawBad[random.Next(RawBad.Length)];
            return segment && raw == "%00" ? "%FF%FE" : raw;
        }

        var value = Bad[random.Next(Bad.Length)];
        return segment && value.Length == 0 ? "x" : Uri.EscapeDataString(value);
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";

    [GeneratedRegex("""(?:Query\[|query\[|form\[|Form\[|FormAsync\(|Field\(|Get\()"([a-z_\[\]]{1,40})"[\],)]""")]
    private static partial Regex ReadByName();
}
