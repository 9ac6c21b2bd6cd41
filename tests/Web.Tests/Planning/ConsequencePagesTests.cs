using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Planning;

/// <summary>
/// The consequence settings page: weights saved as a new version, a save over a newer version refused with its reason,
/// bad numbers refused at their field; facility attributes imported with a dry run first; viewers change nothing.
/// </summary>
public sealed partial class ConsequencePagesTests(ConsequencePagesTests.Seed seed) : IClassFixture<ConsequencePagesTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Page = "/222127/plans/consequences";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient editor = seed.EditorClient;
    private readonly HttpClient viewer = seed.ViewerClient;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient EditorClient { get; private set; } = null!;

        public HttpClient ViewerClient { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            EditorClient = await app.SignedInClientAsync("e@yaizu.example.jp", await app.CreateUserAsync("e@yaizu.example.jp", Yaizu, TenantRole.Editor));
            ViewerClient = await app.SignedInClientAsync("v@yaizu.example.jp", await app.CreateUserAsync("v@yaizu.example.jp", Yaizu, TenantRole.Viewer));
            await using var db = app.Database.Context(Yaizu, actor: "test-setup");
            await PlanSeed.BridgesAsync(db, Yaizu, "B-", "II", "III");
        }
    }

    private static Dictionary<string, string> Form(int version, string years, string weight) => new()
    {
        ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Years"] = years,
        ["Input.Factors[0].Key"] = "emergency-route", ["Input.Factors[0].Label"] = "緊急輸送道路", ["Input.Factors[0].Weight"] = weight,
        ["Input.Factors[1].Key"] = "traffic", ["Input.Factors[1].Label"] = "交通量", ["Input.Factors[1].Weight"] = "0.5",
        ["Input.Factors[1].Threshold"] = "10000", ["Input.Factors[1].Unit"] = "台/日",
    };

    [Fact]
    public async Task weights_are_saved_as_a_new_version_and_a_stale_save_is_refused_with_its_reason()
    {
        (await editor.GetStringAsync(Page)).ShouldContain("使っている設定: 既定値（未保存）");
        var bad = await AppFactory.PostFormAsync(editor, Page + "?handler=Save", Form(0, "10", "重い"));
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("id=\"Input_Factors_0_Weight_error\"");

        var saved = await AppFactory.PostFormAsync(editor, Page + "?handler=Save", Form(0, "20", "2"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await editor.GetStringAsync(Page)).ShouldContain("使っている設定: 第1版");

        var stale = await AppFactory.PostFormAsync(editor, Page + "?handler=Save", Form(0, "30", "3"));
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("影響度の設定はほかの人が保存しました（現在 第1版）");
        (await editor.GetStringAsync(Page)).ShouldContain("20年以内に最も悪い区分に達する確率");

        (await AppFactory.PostFormAsync(viewer, Page + "?handler=Save", Form(1, "30", "3"), formPage: Page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task facility_attributes_are_checked_first_and_written_only_when_committed()
    {
        const string csv = "施設コード,緊急輸送道路,交通量\r\nB-0,○,12000\r\nB-1,×,500\r\n";
        var dry = await UploadAsync(editor, csv, commit: false);
        dry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await dry.Content.ReadAsStringAsync()).ShouldContain("確認しました（まだ取り込んでいません）");
        await using (var db = app.Database.Context(Yaizu))
        {
            (await db.FacilityConsequences.CountAsync()).ShouldBe(0);
        }

        var wrong = await UploadAsync(editor, "施設コード,緊急輸送道路\r\nNO-SUCH,○\r\n", commit: true);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("施設「NO-SUCH」は施設台帳にありません。");

        var committed = await UploadAsync(editor, csv, commit: true);
        (await committed.Content.ReadAsStringAsync()).ShouldContain("取り込みました");
        await using (var db = app.Database.Context(Yaizu))
        {
            (await db.FacilityConsequences.CountAsync()).ShouldBeGreaterThan(0);
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, bool commit)
    {
        var page = await client.GetStringAsync(Page);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { file, "upload", "attributes.csv" },
        };
        if (commit)
        {
            form.Add(new StringContent("true"), "commit");
        }

        return await client.PostAsync(Page + "?handler=Import", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
