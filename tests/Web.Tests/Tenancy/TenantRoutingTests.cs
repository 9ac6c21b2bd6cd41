using System.Net;
using System.Text.Json;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests.Tenancy;

/// <summary>Every test only reads (anonymous requests, the health check): one app for the class.</summary>
public sealed class TenantRoutingTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly AppFactory app = shared.Factory;

    [Theory]
    [InlineData("/222128")]
    [InlineData("/222128/members")]
    public async Task a_wrong_check_digit_in_a_page_url_is_400_naming_the_expected_digit(string path)
    {
        var response = await app.Client().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("22212 の検査数字は 7 です");
    }

    [Fact]
    public async Task a_wrong_check_digit_in_an_api_url_is_a_problem_naming_the_expected_digit()
    {
        var response = await app.Client().GetAsync("/api/v1/222128");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("code").GetString().ShouldBe("tenancy.check_digit");
        problem.RootElement.GetProperty("title").GetString()!.ShouldContain("正しいコードは 222127");
    }

    [Theory]
    [InlineData("/２２２１２７", "全角数字")]
    [InlineData("/22212", "6桁の半角数字ではありません")]
    public async Task malformed_codes_get_a_japanese_reason(string path, string reason)
    {
        var response = await app.Client().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(reason);
    }

    [Theory]
    [InlineData("/011011", "行政区")]   // 札幌市中央区: a ward, not a tenant
    [InlineData("/016951", "登録されていません")] // 北方領土
    public async Task bodies_that_are_not_tenants_are_404(string path, string reason)
    {
        var response = await app.Client().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain(reason);
    }

    [Fact]
    public async Task health_reports_the_database()
    {
        var response = await app.Client().GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        health.RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
        health.RootElement.GetProperty("checks").GetProperty("database").GetProperty("description").GetString()!.ShouldContain("1963 bodies");
    }

    [Fact]
    public async Task a_tenant_page_asks_an_anonymous_visitor_to_sign_in()
    {
        var response = await app.Client().GetAsync("/222127");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
        (await app.Client().GetAsync("/api/v1/222127")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
