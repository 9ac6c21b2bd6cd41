using System.Net;
using InfraLedger.Web.Tests.Support;

namespace InfraLedger.Web.Tests;

/// <summary>
/// Issue 17, F10: the error page answers the status the application produced, never the number in its URL. The tests
/// share one app; the one that lowers the rate limit starts its own.
/// </summary>
public sealed class ErrorPageTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly AppFactory app = shared.Factory;

    [Theory]
    [InlineData("/error/999")]
    [InlineData("/error/-1")]
    [InlineData("/error/500")]
    [InlineData("/error/200")]
    [InlineData("/error/2147483647")]
    [InlineData("/error/404")]
    [InlineData("/error")]
    public async Task F10_requested_directly_the_error_page_is_a_page_that_does_not_exist(string path)
    {
        var response = await app.Client().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<h1>ページが見つかりません</h1>");
    }

    [Fact]
    public async Task F10_the_statuses_the_application_produces_keep_their_status_and_japanese_page()
    {
        var password = await app.CreateUserAsync("viewer@yaizu.example.jp", "222127");
        var viewer = await app.SignedInClientAsync("viewer@yaizu.example.jp", password);

        var badCode = await app.Client().GetAsync("/222128");
        var forbidden = await viewer.GetAsync("/222127/members");
        var missing = await viewer.GetAsync("/222127/no-such-page");

        badCode.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badCode.Content.ReadAsStringAsync()).ShouldContain("<h1>入力が正しくありません</h1>");
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await forbidden.Content.ReadAsStringAsync()).ShouldContain("<h1>権限がありません</h1>");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task F10_a_refused_post_keeps_its_status_on_the_error_page()
    {
        await using var limitedApp = await AppFactory.CreateAsync();
        limitedApp.Settings["Reports:RateLimit:AnonymousPerWindow"] = "1";
        var resident = limitedApp.Client();
        await resident.PostAsync("/222127/report", new FormUrlEncodedContent(new Dictionary<string, string> { ["description"] = "穴" }));

        var limited = await resident.PostAsync("/222127/report", new FormUrlEncodedContent(new Dictionary<string, string> { ["description"] = "穴" }));

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("<h1>送信が多すぎます</h1>");
    }
}
