using System.Net;
using InfraLedger.Core.Identity;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>One endpoint, many jurisdictions: a token of 焼津市 neither posts to nor reads the private reports of 藤枝市.</summary>
public sealed class Open311IsolationTests
{
    private const string Y = Open311Client.Yaizu;
    private const string F = Open311Client.Fujieda;

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task a_token_of_one_tenant_cannot_post_to_or_read_the_private_reports_of_another(string format)
    {
        var (app, client) = await Open311Client.CreateAsync(format);
        await using var _ = app;
        var yaizuKey = await app.CreateTokenAsync(Y, TenantRole.Editor);
        var fujiedaKey = await app.CreateTokenAsync(F, TenantRole.Editor);

        var refused = await client.PostAsync("requests", [.. Open311Samples.Pothole(F), new("api_key", yaizuKey)]);
        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
        await using (var db = app.Database.Context(F, actor: "test-setup"))
        {
            db.ResidentReports.Count().ShouldBe(0);
        }

        (await client.PostAsync("requests", [.. Open311Samples.Pothole(F), new("api_key", fujiedaKey)])).Status.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync("requests", [.. Open311Samples.Pothole(F), new("api_key", fujiedaKey)])).Status.ShouldBe(HttpStatusCode.OK);
        await Open311Client.PublishAllAsync(app.Database, F);
        await using (var db = app.Database.Context(F, actor: "test-setup"))
        {
            (await Core.Reports.Workflow.SetHiddenAsync(db, 2, hidden: true, "顔が写っている", DateTime.UtcNow, CancellationToken.None)).IsSuccess.ShouldBeTrue();
        }

        // Public: only the visible report. With 藤枝市's key: the hidden one too. With 焼津市's key: refused.
        Open311ContractTests.Ids(await client.GetAsync($"requests?jurisdiction_id={F}")).ShouldBe(["1"]);
        (await client.GetAsync($"requests/2?jurisdiction_id={F}")).Status.ShouldBe(HttpStatusCode.NotFound);
        Open311ContractTests.Ids(await client.GetAsync($"requests?jurisdiction_id={F}&api_key={Uri.EscapeDataString(fujiedaKey)}")).ShouldBe(["2", "1"]);
        (await client.GetAsync($"requests?jurisdiction_id={F}&api_key={Uri.EscapeDataString(yaizuKey)}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"requests/2?jurisdiction_id={F}&api_key={Uri.EscapeDataString(yaizuKey)}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"servicerequestupdates?jurisdiction_id={F}&api_key={Uri.EscapeDataString(yaizuKey)}")).Status.ShouldBe(HttpStatusCode.Forbidden);

        // 焼津市's jurisdiction lists none of 藤枝市's reports, and its numbers are its own.
        Open311ContractTests.Ids(await client.GetAsync($"requests?jurisdiction_id={Y}&api_key={Uri.EscapeDataString(yaizuKey)}")).ShouldBeEmpty();
        (await client.GetAsync($"requests/1?jurisdiction_id={Y}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var token = await Token(app, F, 1);
        (await client.GetAsync($"tokens/{token}?jurisdiction_id={Y}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task open311_posts_beyond_the_limit_get_429_in_the_open311_error_format()
    {
        var (app, client) = await Open311Client.CreateAsync("json", a => a.Settings["Reports:RateLimit:Open311PerWindow"] = "2");
        await using var _ = app;
        var key = await app.CreateTokenAsync(Y, TenantRole.Editor);

        var statuses = new List<HttpStatusCode>();
        Open311Client.Response last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await client.PostAsync("requests", [.. Open311Samples.Pothole(Y), new("api_key", key)]);
            statuses.Add(last.Status);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        Open311ContractTests.Error(last).Code.ShouldBe("429");
        Open311ContractTests.Error(last).Description.ShouldContain("しばらく待って");
    }

    [Fact]
    public async Task a_description_over_4000_characters_is_refused_and_nothing_is_written()
    {
        var (app, client) = await Open311Client.CreateAsync("json");
        await using var _ = app;
        var key = await app.CreateTokenAsync(Y, TenantRole.Editor);

        var huge = await client.PostAsync("requests", [.. Open311Samples.Pothole(Y).Where(f => f.Key != "description"), new("api_key", key),
            new("description", string.Concat(Enumerable.Repeat("舗装がこわれています。", 400)) + "!")]);
        huge.Status.ShouldBe(HttpStatusCode.BadRequest);
        Open311ContractTests.Error(huge).Description.ShouldBe("description: 説明は4,000文字までです。");
        await using var db = app.Database.Context(Y, actor: "test-setup");
        db.ResidentReports.Count().ShouldBe(0);
    }

    private static async Task<string> Token(Support.AppFactory app, string tenant, long id)
    {
        await using var db = app.Database.Context(tenant, actor: "test-setup");
        return (await Core.Reports.ResidentReports.FindAsync(db, id, CancellationToken.None))!.Token;
    }
}
