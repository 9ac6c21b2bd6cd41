using System.Net;
using InfraLedger.Core.Reports;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>The anonymous form's rate limit (per client address), configured small for the test.</summary>
public sealed class ReportRateLimitTests : IAsyncLifetime
{
    private AppFactory app = null!;

    public async Task InitializeAsync()
    {
        app = await AppFactory.CreateAsync();
        app.Settings["Reports:RateLimit:AnonymousPerWindow"] = "2";
        await using var db = app.Database.Context("222127", actor: "test-setup");
        await Services.AddDefaultsAsync(db, DateTime.UtcNow, default);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task the_anonymous_form_answers_429_after_the_configured_number_of_posts_and_reading_is_not_counted()
    {
        var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var fields = new Dictionary<string, string> { ["service_code"] = "901", ["address_string"] = "駅前", ["description"] = $"{i}件目の通報" };
            statuses.Add((await AppFactory.PostFormAsync(client, "/222127/report", fields)).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests]);
        (await client.GetAsync("/222127/report")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = app.Database.Context("222127");
        (await db.ResidentReports.CountAsync()).ShouldBe(2);
    }
}
