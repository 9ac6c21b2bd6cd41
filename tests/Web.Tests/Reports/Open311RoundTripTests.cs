using System.Net;
using System.Text.Json.Nodes;
using InfraLedger.Core.Identity;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>Every sample request POSTed comes back from GET with the same meaning; contact details never come back.</summary>
public sealed class Open311RoundTripTests
{
    private const string Y = Open311Client.Yaizu;

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task every_sample_request_round_trips_through_post_and_get(string format)
    {
        var (app, client) = await Open311Client.CreateAsync(format);
        await using var _ = app;
        var key = await app.CreateTokenAsync(Y, TenantRole.Editor);

        foreach (var sample in Open311Samples.All(Y))
        {
            var posted = await client.PostAsync("requests", [.. sample.Fields, new("api_key", key)]);
            posted.Status.ShouldBe(HttpStatusCode.OK, $"{sample.Name}: {posted.Raw}");
            var id = posted.Body!.AsArray().Single()!["service_request_id"]!.GetValue<string>();
            await Open311Client.PublishAllAsync(app.Database, Y);

            var got = await client.GetAsync($"requests/{id}?jurisdiction_id={Y}&extensions=true");
            got.Status.ShouldBe(HttpStatusCode.OK);
            var request = got.Body!.AsArray().Single()!.AsObject();
            string? Sent(string name) => sample.Fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();
            string? Got(string name) => request[name]?.GetValue<string>();

            Got("service_request_id").ShouldBe(id);
            Got("status").ShouldBe("open", sample.Name);
            Got("detailed_status").ShouldBe("OPEN");
            Got("service_code").ShouldBe(Sent("service_code"));
            Got("description").ShouldBe(Sent("description"), sample.Name);
            Got("address").ShouldBe(Sent("address_string"), sample.Name);
            Got("address_id").ShouldBe(Sent("address_id"), sample.Name);
            Got("zipcode").ShouldBe(Sent("zipcode"), sample.Name);
            Number(Got("lat")).ShouldBe(Number(Sent("lat")), sample.Name);
            Number(Got("long")).ShouldBe(Number(Sent("long")), sample.Name);
            Got("agency_responsible").ShouldNotBeNullOrEmpty();

            var sentMedia = sample.Fields.Where(f => f.Key == "media_url").Select(f => f.Value).ToList();
            Got("media_url").ShouldBe(sentMedia.FirstOrDefault(), sample.Name);
            request["extended_attributes"]!["media_urls"]!.AsArray().Select(u => u!.GetValue<string>()).ShouldBe(sentMedia, sample.Name);
            request["extended_attributes"]!["channel"]!.GetValue<string>().ShouldBe("open311");

            var sentAttributes = sample.Fields.Where(f => f.Key.StartsWith("attribute[", StringComparison.Ordinal))
                .GroupBy(f => f.Key.Split('[', ']')[1]).ToDictionary(g => g.Key, g => g.Select(f => f.Value).Order().ToList());
            // code → value; a multi-valued answer's keys joined by commas (ADR 0014). An XML <attributes/> with none reads as an empty list.
            var gotAttributes = request["attributes"] is JsonObject attributes
                ? attributes.ToDictionary(a => a.Key, a => a.Value!.GetValue<string>().Split(',').Order().ToList())
                : [];
            gotAttributes.Keys.Order().ShouldBe(sentAttributes.Keys.Order(), sample.Name);
            foreach (var (code, values) in sentAttributes)
            {
                gotAttributes[code].ShouldBe(values, $"{sample.Name}: attribute[{code}]");
            }

            foreach (var secret in new[] { "email", "phone", "first_name", "last_name", "device_id" }.Select(Sent).OfType<string>())
            {
                got.Raw.ShouldNotContain(secret, Case.Sensitive, sample.Name);
            }
        }
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task markup_in_a_report_is_escaped_text_in_both_formats(string format)
    {
        var (app, client) = await Open311Client.CreateAsync(format);
        await using var _ = app;
        var key = await app.CreateTokenAsync(Y, TenantRole.Editor);
        var sample = Open311Samples.All(Y).Single(s => s.Name.StartsWith("markup", StringComparison.Ordinal));
        await client.PostAsync("requests", [.. sample.Fields, new("api_key", key)]);
        await Open311Client.PublishAllAsync(app.Database, Y);

        var got = await client.GetAsync($"requests?jurisdiction_id={Y}");

        got.Raw.ShouldNotContain("<script>");
        got.Body!.AsArray().Single()!["description"]!.GetValue<string>().ShouldContain("<script>alert(1)</script> & \"急ぎ\"");
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task status_history_lat_long_radius_and_updated_after_work_as_extensions(string format)
    {
        var (app, client) = await Open311Client.CreateAsync(format);
        await using var _ = app;
        var key = await app.CreateTokenAsync(Y, TenantRole.Editor);
        var near = await client.PostAsync("requests", [.. Open311Samples.Pothole(Y), new("api_key", key)]);
        var far = await client.PostAsync("requests", [new("jurisdiction_id", Y), new("service_code", "901"), new("lat", "34.9000"), new("long", "138.3200"),
            new("description", "4km 北の別の場所"), new("api_key", key)]);
        var nearId = near.Body!.AsArray().Single()!["service_request_id"]!.GetValue<string>();
        await Open311Client.PublishAllAsync(app.Database, Y);
        var before = DateTime.UtcNow.AddSeconds(1); // after both reports were received (the W3C form has whole seconds)
        await using (var db = app.Database.Context(Y, actor: "test-setup"))
        {
            (await Core.Reports.Workflow.SetStatusAsync(db, long.Parse(nearId, System.Globalization.CultureInfo.InvariantCulture),
                Core.Reports.ReportStatus.Fixed, "穴をふさぎました。", DateTime.UtcNow.AddSeconds(3), CancellationToken.None)).IsSuccess.ShouldBeTrue();
            (await Core.Reports.Workflow.AddNoteAsync(db, 1, "業者に連絡済み（内部）", isPublic: false, DateTime.UtcNow.AddSeconds(4), CancellationToken.None)).IsSuccess.ShouldBeTrue();
        }

        Open311ContractTests.Ids(await client.GetAsync($"requests?jurisdiction_id={Y}&lat=34.8670&long=138.3240&radius=200")).ShouldBe([nearId]);
        Open311ContractTests.Ids(await client.GetAsync($"requests?jurisdiction_id={Y}&lat=34.8670&long=138.3240&radius=5000")).Count.ShouldBe(2);
        var after = Uri.EscapeDataString(Core.Reports.Open311Query.Format(before));
        var updated = await client.GetAsync($"requests?jurisdiction_id={Y}&updated_after={after}");
        Open311ContractTests.Ids(updated).ShouldBe([nearId]);

        var history = (await client.GetAsync($"requests/{nearId}?jurisdiction_id={Y}&extensions=true")).Body!.AsArray().Single()!;
        history["status"]!.GetValue<string>().ShouldBe("closed");
        history["status_notes"]!.GetValue<string>().ShouldBe("穴をふさぎました。");
        history["detailed_status"]!.GetValue<string>().ShouldBe("FIXED");
        var notes = history["notes"]!.AsArray();
        notes.Select(n => n!["type"]!.GetValue<string>()).ShouldBe(["opened", "status"]); // the internal note and publication are not public
        notes[1]!["summary"]!.GetValue<string>().ShouldBe("穴をふさぎました。");
        var plain = (await client.GetAsync($"requests/{nearId}?jurisdiction_id={Y}")).Body!.AsArray().Single()!.AsObject();
        plain.ContainsKey("notes").ShouldBeFalse();
        plain.ContainsKey("detailed_status").ShouldBeFalse();

        var updates = await client.GetAsync($"servicerequestupdates?jurisdiction_id={Y}&api_key={Uri.EscapeDataString(key)}");
        updates.Status.ShouldBe(HttpStatusCode.OK, updates.Raw);
        var update = updates.Body!.AsArray().Single()!;
        update["service_request_id"]!.GetValue<string>().ShouldBe(nearId);
        update["status"]!.GetValue<string>().ShouldBe("FIXED");
        update["update_id"]!.GetValue<string>().ShouldBe($"{nearId}-3"); // 1 received, 2 published (internal), 3 the status
        (await client.GetAsync($"servicerequestupdates?jurisdiction_id={Y}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        far.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_discovery_changeset_moves_when_a_service_is_edited()
    {
        var (app, client) = await Open311Client.CreateAsync("json");
        await using var _ = app;
        var first = (await client.GetAsync("discovery")).Body!["changeset"]!.GetValue<string>();

        // The edit is saved as made two seconds later (the changeset has whole seconds) instead of waiting for them to pass.
        var later = DateTime.UtcNow.AddSeconds(2);
        await using (var db = app.Database.Context(Y, actor: "test-setup"))
        {
            var service = await Core.Reports.Services.FindAsync(db, "103", CancellationToken.None);
            var input = new Core.Reports.Services.Input(service!.Code, "街路灯・防犯灯", service.Description, service.Group, service.Keywords, service.Section,
                service.Notice, "10", "30", false, true, "30", Core.Reports.AttributeLines.Format(service.Attributes));
            (await Core.Reports.Services.SaveAsync(db, input, isNew: false, later, CancellationToken.None)).IsSuccess.ShouldBeTrue();
        }

        var second = (await client.GetAsync("discovery")).Body!["changeset"]!.GetValue<string>();
        string.CompareOrdinal(second, first).ShouldBeGreaterThan(0);
        (await client.GetAsync($"services?jurisdiction_id={Y}")).Body!.AsArray()[2]!["service_name"]!.GetValue<string>().ShouldBe("街路灯・防犯灯");
    }

    [Fact]
    public async Task photos_can_be_sent_as_multipart_media_and_lose_their_gps()
    {
        var (app, client) = await Open311Client.CreateAsync("json");
        await using var _ = app;
        var key = await app.CreateTokenAsync(Y, TenantRole.Editor);
        var photo = Core.Tests.Reports.PhotoFixtures.PhoneJpeg();
        Core.Reports.Photos.ReadGps(photo).ShouldNotBeNull();
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in Open311Samples.Pothole(Y).Append(new("api_key", key)))
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(photo), "media", "IMG_0001.jpg");

        var posted = await client.PostAsync("requests", content);

        posted.Status.ShouldBe(HttpStatusCode.OK, posted.Raw);
        await using var db = app.Database.Context(Y, actor: "test-setup");
        var stored = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.ReportPhotos);
        Core.Reports.Photos.ReadGps(stored.Content).ShouldBeNull();
        stored.ContentType.ShouldBe("image/jpeg");
        await Open311Client.PublishAllAsync(app.Database, Y);
        var listed = (await client.GetAsync($"requests?jurisdiction_id={Y}")).Body!.AsArray().Single()!;
        listed["media_url"]!.GetValue<string>().ShouldEndWith($"/{Y}/report/1/photos/1");
    }

    private static double? Number(string? text) =>
        text is null ? null : double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
