using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>
/// Issue 17 F2, F3 and F11 on the Open311 endpoint, with the requests of the finding: dates at the ends of the calendar and
/// a 4 MB + 1 byte description answered 400/413 in Open311's error format; wrong secrets for a real key id limited per
/// client address, the key itself unaffected; the key's id kept off the staff's pages; a photo declaring 2³¹ − 1 pixels a
/// side refused. The refusals share one app that never stores a request; the limits' tests start their own.
/// </summary>
public sealed class Open311AbuseTests(Open311ContractTests.Services shared) : IClassFixture<Open311ContractTests.Services>, IAsyncLifetime
{
    private const string Y = Open311Client.Yaizu;
    private AppFactory app = shared.App;
    private AppFactory? own;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (own is not null)
        {
            await own.DisposeAsync();
        }
    }

    /// <summary>Moves the test to an app of its own (its limits and stored requests are not shared).</summary>
    private async Task UseOwnAppAsync()
    {
        own = await AppFactory.CreateAsync();
        await Open311Client.SeedServicesAsync(own.Database);
        app = own;
    }

    [Theory]
    [InlineData("start_date=9999-12-31T23:59:59Z", "start_date: start_date「9999-12-31T23:59:59Z」は1900年から2100年までの日時にしてください。")]
    [InlineData("start_date=0001-01-01", "start_date: start_date「0001-01-01」は1900年から2100年までの日時にしてください。")]
    [InlineData("end_date=0001-01-01", "end_date: end_date「0001-01-01」は1900年から2100年までの日時にしてください。")]
    public async Task F2_the_findings_dates_are_a_400_in_the_open311_error_format(string query, string message)
    {
        var client = new Open311Client(app.Client(), "json");

        var response = await client.GetAsync($"requests?jurisdiction_id={Y}&{query}");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        var error = Open311ContractTests.Error(response);
        (error.Code, error.Description).ShouldBe(("400", message));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task F2_a_url_encoded_description_of_4_mb_and_1_byte_is_a_413_in_the_open311_error_format(string format)
    {
        var client = new Open311Client(app.Client(), format);
        var key = await app.CreateTokenAsync(Y, TenantRole.Editor);

        var response = await client.PostAsync("requests",
            [.. Open311Samples.Pothole(Y).Where(f => f.Key != "description"), new("description", new string('a', (4 * 1024 * 1024) + 1)), new("api_key", key)]);

        response.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var error = Open311ContractTests.Error(response);
        (error.Code, error.Description).ShouldBe(("413", "送信された内容が大きすぎます。ファイルや文章を小さくして送り直してください。"));
        await using var db = app.Database.Context(Y);
        (await db.ResidentReports.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task F3_wrong_secrets_sent_with_a_real_key_id_are_limited_by_address_and_do_not_lock_the_key_out()
    {
        await UseOwnAppAsync();
        var factory = ClientAddresses.On(app);
        var attacker = new Open311Client(ClientAddresses.Client(factory, "203.0.113.9"), "json");
        var owner = new Open311Client(ClientAddresses.Client(factory, "198.51.100.7"), "json");
        var key = await app.CreateTokenAsync(Y, TenantRole.Editor);
        var forged = key[..^64] + new string('0', 64); // the key's public id, a wrong secret

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 599; i++)
        {
            statuses.Add((await attacker.PostAsync("requests", [.. Open311Samples.Pothole(Y), new("api_key", forged)])).Status);
        }

        // 20 failures an address (Reports:RateLimit:FailedKeysPerWindow), then refused before the key is even looked at.
        statuses.Take(20).ShouldAllBe(s => s == HttpStatusCode.Forbidden);
        statuses.Skip(20).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        var blocked = await attacker.PostAsync("requests", [.. Open311Samples.Pothole(Y), new("api_key", key)]);
        blocked.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        Open311ContractTests.Error(blocked).Description.ShouldContain("API キーの認証に続けて失敗したため");

        var own = await owner.PostAsync("requests", [.. Open311Samples.Pothole(Y), new("api_key", key)]);
        own.Status.ShouldBe(HttpStatusCode.OK, own.Raw);
    }

    [Fact]
    public async Task F3_wrong_bearer_tokens_are_limited_by_address_too()
    {
        await UseOwnAppAsync();
        var factory = ClientAddresses.On(app);
        var key = await app.CreateTokenAsync(Y, TenantRole.Viewer);
        var attacker = ClientAddresses.Client(factory, "2001:db8:1:2::9");
        var sameNetwork = ClientAddresses.Client(factory, "2001:db8:1:2::77");
        var owner = ClientAddresses.Client(factory, "192.0.2.4");
        foreach (var client in new[] { attacker, sameNetwork, owner })
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key[..^64] + new string('1', 64));
        }

        for (var i = 0; i < 20; i++)
        {
            (await attacker.GetAsync($"/api/v1/{Y}/facilities.geojson")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        // The 21st from the same /64 is not even checked: the right token is refused there, and accepted elsewhere.
        sameNetwork.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        (await sameNetwork.GetAsync($"/api/v1/{Y}/facilities.geojson")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        (await owner.GetAsync($"/api/v1/{Y}/facilities.geojson")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task F3_a_report_sent_with_a_key_shows_the_keys_name_not_its_id_to_staff()
    {
        await UseOwnAppAsync();
        string key, id;
        await using (var db = app.Database.Context(Y, "test-setup"))
        {
            var issued = await ApiTokens.CreateAsync(db, "道路パトロール連携", TenantRole.Editor, DateTime.UtcNow, default);
            (key, id) = (issued.Value.PlainText, issued.Value.Token.Id);
        }

        var posted = await new Open311Client(app.Client(), "json").PostAsync("requests", [.. Open311Samples.Pothole(Y), new("api_key", key)]);
        posted.Status.ShouldBe(HttpStatusCode.OK, posted.Raw);
        var password = await app.CreateUserAsync("viewer@yaizu.example.jp", Y, TenantRole.Viewer);
        var viewer = await app.SignedInClientAsync("viewer@yaizu.example.jp", password);

        var page = await viewer.GetStringAsync($"/{Y}/reports/1");

        page.ShouldContain("API トークン「道路パトロール連携」");
        page.ShouldNotContain(id);
        page.ShouldNotContain("token:");
    }

    [Fact]
    public async Task F11_a_photo_declaring_2147483647_pixels_a_side_is_refused_and_no_report_is_stored()
    {
        var key = await app.CreateTokenAsync(Y, TenantRole.Editor);
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in Open311Samples.Pothole(Y).Append(new("api_key", key)))
        {
            form.Add(new StringContent(value), name);
        }

        var photo = new ByteArrayContent(HugePng());
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(photo, "media", "huge.png");

        var response = await new Open311Client(app.Client(), "json").PostAsync("requests", form);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        Open311ContractTests.Error(response).Description.ShouldContain("「huge.png」は 2,147,483,647 × 2,147,483,647 画素で、大きすぎます");
        await using var db = app.Database.Context(Y);
        (await db.ResidentReports.CountAsync()).ShouldBe(0);
        (await db.ReportPhotos.CountAsync()).ShouldBe(0);
    }

    /// <summary>A PNG (ISO/IEC 15948) whose IHDR declares 2,147,483,647 × 2,147,483,647 pixels, every CRC right, a few bytes long.</summary>
    private static byte[] HugePng()
    {
        byte[] ihdr = [0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 8, 2, 0, 0, 0];
        return [0x89, .. "PNG\r\n\x1a\n"u8, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        var framed = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(framed, data.Length);
        typed.CopyTo(framed, 4);
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(8 + data.Length), Core.Reports.Crc32.Of(typed));
        return framed;
    }
}
