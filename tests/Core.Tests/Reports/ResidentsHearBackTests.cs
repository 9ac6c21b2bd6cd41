using InfraLedger.Core.Reports;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Reports;

/// <summary>
/// Issue 22 items 4 and 5 in Core, on SQLite and PostgreSQL: every refusal of a submission at once (in residents' words,
/// in English too), 「直りましたか？」 answered only by the link's holder and once per closing, the reporter's mail, the
/// response templates per kind (and per tenant), and the public list without personal data.
/// </summary>
public sealed class ResidentsHearBackTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private const string FujiedaLat = "34.8673", FujiedaLong = "138.2577"; // 藤枝市役所: inside 藤枝市 (the pin is checked, ADR 0028)
    private static readonly DateTime T0 = new(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        foreach (var tenant in new[] { Yaizu, Fujieda })
        {
            await using var db = database.Context(tenant);
            await Services.AddDefaultsAsync(db, T0, default);
        }
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static Submission Road(string? lat = "34.867", string? lng = "138.32", string? description = "穴があります", string? email = "hanako@example.jp",
        Dictionary<string, IReadOnlyList<string>>? answers = null, string? language = null) =>
        new("101", lat, lng, null, null, null, description, answers ?? new() { ["damage"] = ["pothole"], ["danger"] = ["high"] }, [],
            new Submission.Reporter(email, "090-0000-0000", "花子", "焼津", null, null), "web", [], language);

    private async Task<ResidentReport> SubmitAsync(string tenant, Submission submission)
    {
        await using var db = database.Context(tenant);
        var (report, errors) = await ResidentReports.SubmitAllAsync(db, submission, T0, default);
        errors.ShouldBeEmpty();
        return report!;
    }

    [Fact]
    public async Task every_refusal_of_a_submission_comes_at_once_in_residents_words_and_nothing_is_written()
    {
        await using var db = database.Context(Yaizu);
        var bad = Road(lat: null, lng: null, description: new string('あ', 25), email: "hanako@", answers: new() { ["danger"] = ["high"], ["size"] = ["たくさん"] });

        var (report, errors) = await ResidentReports.SubmitAllAsync(db, bad, T0, default);

        report.ShouldBeNull();
        errors.Select(e => e.Field).ShouldBe(["location", "description", "attribute[damage]", "attribute[size]", "email"]);
        errors[0].Message.ShouldBe("場所を教えてください。地図をクリックしてピンを置くか、「住所・目印」の欄に書いてください。");
        errors[2].Message.ShouldBe("「損傷の種類」に答えてください。");
        foreach (var error in errors)
        {
            // Residents never read an API field's name, in either language; every refusal of the form has its English.
            foreach (var apiName in new[] { "lat", "long", "address_string", "address_id", "attribute[" })
            {
                error.Message.ShouldNotContain(apiName);
                error.English.ShouldNotBeNull().ShouldNotContain(apiName);
            }
        }

        errors[4].English.ShouldBe("\"hanako@\" is not an e-mail address (for example hanako@example.jp).");
        (await db.ResidentReports.CountAsync()).ShouldBe(0);
        (await ResidentReports.SubmitAsync(db, bad, T0, default)).Error!.Field.ShouldBe("location"); // Open311: the first one
    }

    [Fact]
    public async Task no_kind_chosen_still_reports_the_other_mistakes()
    {
        await using var db = database.Context(Yaizu);
        var (_, errors) = await ResidentReports.SubmitAllAsync(db, Road(lat: null, lng: null) with { ServiceCode = null }, T0, default);
        errors.Select(e => e.Code).ShouldBe(["reports.service_required", "reports.location"]);
    }

    [Fact]
    public async Task only_the_link_holder_answers_once_per_closing_and_no_reopens_the_report()
    {
        var report = await SubmitAsync(Yaizu, Road());
        report.ReporterKey.ShouldNotBeNull().Length.ShouldBe(24);
        await using var db = database.Context(Yaizu, actor: "anonymous:web");

        (await Confirmation.AnswerAsync(db, report.Id, report.ReporterKey, false, T0.AddDays(1), null, default)).Error!.Code.ShouldBe("reports.not_closed");
        (await Workflow.SetStatusAsync(db, report.Id, ReportStatus.Fixed, "補修しました。", T0.AddDays(2), default)).IsSuccess.ShouldBeTrue();
        (await Confirmation.AnswerAsync(db, report.Id, null, false, T0.AddDays(3), null, default)).Error!.Code.ShouldBe("reports.key");
        (await Confirmation.AnswerAsync(db, report.Id, "0" + report.ReporterKey![1..], false, T0.AddDays(3), null, default)).Error!.Code.ShouldBe("reports.key");

        var reopened = await Confirmation.AnswerAsync(db, report.Id, report.ReporterKey, false, T0.AddDays(3), null, default);

        reopened.IsSuccess.ShouldBeTrue(reopened.Error?.Message);
        (reopened.Value.Status, reopened.Value.ClosedAtUtc).ShouldBe((ReportStatus.InProgress, (DateTime?)null));
        (await Confirmation.AnswerAsync(db, report.Id, report.ReporterKey, false, T0.AddDays(4), null, default)).Error!.Code.ShouldBe("reports.not_closed");
        var audit = await db.AuditEvents.Where(e => e.EntityType == nameof(ResidentReport) && e.OccurredAtUtc >= T0.AddDays(3)).ToListAsync();
        audit.ShouldNotBeEmpty(); // the reopening is audited like every other change

        // Closed again: asked again; 「はい」 is recorded once, a second answer to the same closing is refused.
        (await Workflow.SetStatusAsync(db, report.Id, ReportStatus.Fixed, null, T0.AddDays(5), default)).IsSuccess.ShouldBeTrue();
        var yes = await Confirmation.AnswerAsync(db, report.Id, report.ReporterKey, true, T0.AddDays(6), null, default);
        (yes.IsSuccess, yes.Value.Status).ShouldBe((true, ReportStatus.Fixed));
        (await Confirmation.AnswerAsync(db, report.Id, report.ReporterKey, false, T0.AddDays(7), null, default)).Error!.Code.ShouldBe("reports.already_answered");

        var history = await ResidentReports.NotesAsync(db, report.Id, publicOnly: true, default);
        history.Select(n => (n.Type, n.Status)).ShouldBe([
            ("submitted", ReportStatus.Received), ("status", ReportStatus.Fixed), (Confirmation.ReopenedType, ReportStatus.InProgress),
            ("status", ReportStatus.Fixed), (Confirmation.FixedType, ReportStatus.Fixed),
        ]);
    }

    [Fact]
    public async Task another_tenants_link_key_answers_nothing()
    {
        var ours = await SubmitAsync(Yaizu, Road());
        var theirs = await SubmitAsync(Fujieda, Road(FujiedaLat, FujiedaLong));
        await using (var db = database.Context(Yaizu))
        {
            (await Workflow.SetStatusAsync(db, ours.Id, ReportStatus.Fixed, null, T0.AddDays(1), default)).IsSuccess.ShouldBeTrue();
        }

        await using var fujieda = database.Context(Fujieda);
        // Fujieda's context never sees Yaizu's report, whatever the key.
        (await Confirmation.AnswerAsync(fujieda, ours.Id + 100, ours.ReporterKey, false, T0.AddDays(2), null, default)).Error!.Code.ShouldBe(Errors.ReportNotFoundCode);
        (await Confirmation.AnswerAsync(fujieda, theirs.Id, ours.ReporterKey, false, T0.AddDays(2), null, default)).Error!.Code.ShouldBe("reports.key");
    }

    [Fact]
    public void the_mail_carries_this_report_its_body_and_the_holder_link_only()
    {
        var report = new ResidentReport
        {
            TenantId = Yaizu, Id = 42, Token = "t", ServiceCode = "101", Status = ReportStatus.Fixed, StatusNotes = "舗装を補修しました。",
            Description = "秘密の説明", Email = "hanako@example.jp", Phone = "090-1111-2222", FirstName = "花子", LastName = "焼津",
            Channel = "web", Section = "道路課", ReporterKey = "abcdef0123456789abcdef01",
        };

        var mail = ReportMails.StatusChanged(report, "焼津市", "Yaizu City", "道路の穴・陥没", "https://infra.example.lg.jp/");

        mail.Recipient.ShouldBe("hanako@example.jp");
        mail.Subject.ShouldBe("【焼津市】受付番号 42 の通報: 完了");
        mail.Body.ShouldContain("https://infra.example.lg.jp/222127/report/42?key=abcdef0123456789abcdef01");
        mail.Body.ShouldContain("直りましたか？");
        mail.Body.ShouldContain("舗装を補修しました。");
        foreach (var secret in new[] { "秘密の説明", "090-1111-2222", "花子", "道路課" })
        {
            mail.Body.ShouldNotContain(secret);
        }

        report.Language = "en";
        var english = ReportMails.StatusChanged(report, "焼津市", "Yaizu City", "道路の穴・陥没", "https://infra.example.lg.jp");
        english.Subject.ShouldBe("[Yaizu City] Report 42: Fixed");
        english.Body.ShouldContain("Is it fixed?");
        english.Body.ShouldContain("/222127/report/42?key=abcdef0123456789abcdef01&lang=en");
    }

    [Fact]
    public async Task response_templates_belong_to_a_kind_or_to_all_and_to_one_tenant()
    {
        int theirs;
        await using (var fujieda = database.Context(Fujieda))
        {
            theirs = (await ResponseTemplates.SaveAsync(fujieda, null, "101", "藤枝の定型文", "藤枝市の返答", T0, default)).Value.Id;
        }

        await using var db = database.Context(Yaizu);
        var road = await ResponseTemplates.SaveAsync(db, null, "101", "補修完了", "補修しました。ご連絡ありがとうございました。", T0, default);
        var all = await ResponseTemplates.SaveAsync(db, null, null, "確認中", "現地を確認します。", T0, default);
        await ResponseTemplates.SaveAsync(db, null, "301", "遊具", "遊具を点検します。", T0, default);

        (road.IsSuccess, all.IsSuccess).ShouldBe((true, true));
        (await ResponseTemplates.ForServiceAsync(db, "101", default)).Select(t => t.Title).ShouldBe(["補修完了", "確認中"]);
        (await ResponseTemplates.ListAsync(db, default)).ShouldNotContain(t => t.Title == "藤枝の定型文");
        (await ResponseTemplates.SaveAsync(db, null, "999", "x", "y", T0, default)).Error!.Field.ShouldBe("ServiceCode");
        (await ResponseTemplates.SaveAsync(db, null, null, "", "y", T0, default)).Error!.Field.ShouldBe("Title");
        (await ResponseTemplates.SaveAsync(db, null, null, "x", " ", T0, default)).Error!.Field.ShouldBe("Text");

        // Fujieda's template (its id may equal one of ours: the key is the tenant's) is not reachable from Yaizu by a free id.
        var free = (await ResponseTemplates.ListAsync(db, default)).Max(t => t.Id) + 1;
        (await ResponseTemplates.DeleteAsync(db, free, default)).IsSuccess.ShouldBeFalse();
        (await ResponseTemplates.SaveAsync(db, free, null, "上書き", "上書き", T0, default)).IsSuccess.ShouldBeFalse();
        await using var check = database.Context(Fujieda);
        (await ResponseTemplates.FindAsync(check, theirs, default))!.Title.ShouldBe("藤枝の定型文");
    }

    [Fact]
    public async Task the_public_list_has_the_published_reports_of_the_body_only()
    {
        var shown = await SubmitAsync(Yaizu, Road(description: "公開の通報"));
        var hidden = await SubmitAsync(Yaizu, Road(description: "非公開の通報"));
        await SubmitAsync(Yaizu, Road(description: "職員が未確認の通報"));
        var theirs = await SubmitAsync(Fujieda, Road(FujiedaLat, FujiedaLong, description: "藤枝の通報"));
        await using (var fujieda = database.Context(Fujieda))
        {
            (await Workflow.PublishAsync(fujieda, theirs.Id, T0, default)).IsSuccess.ShouldBeTrue();
        }

        await using var db = database.Context(Yaizu);
        // Published by staff (ADR 0014), one of them hidden again; the third never published.
        (await Workflow.PublishAsync(db, shown.Id, T0, default)).IsSuccess.ShouldBeTrue();
        (await Workflow.PublishAsync(db, hidden.Id, T0, default)).IsSuccess.ShouldBeTrue();
        (await Workflow.SetHiddenAsync(db, hidden.Id, true, null, T0, default)).IsSuccess.ShouldBeTrue();

        var rows = await PublicReports.ListAsync(db, null, null, default);

        rows.Select(r => (r.Id, r.Description, r.ServiceName)).ShouldBe([(shown.Id, "公開の通報", "道路の穴・陥没")]);
        // The row type itself has no place for personal data.
        typeof(PublicReports.Row).GetProperties().Select(p => p.Name)
            .ShouldNotContain(n => n.Contains("Email") || n.Contains("Phone") || (n.Contains("Name") && n != "ServiceName") || n.Contains("Key") || n.Contains("Device"));
    }
}
