using InfraLedger.Core.Database;
using InfraLedger.Core.Reports;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Reports;

/// <summary>Services, submissions, the staff workflow and the response-time figures, on SQLite and PostgreSQL.</summary>
public sealed class ReportsWorkflowTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private static readonly DateTime T0 = new(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.Context(Yaizu);
        (await Services.AddDefaultsAsync(db, T0, default)).ShouldBe(DefaultServices.All.Count);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static Submission Submit(string service = "901", string? description = "側溝のふたがずれています", string? address = "駅前",
        Dictionary<string, IReadOnlyList<string>>? answers = null) =>
        new(service, null, null, address, null, null, description, answers ?? [], [], Submission.Reporter.None, "web", []);

    private static async Task<ResidentReport> SubmitAsync(AppDbContext db, DateTime at, Submission? submission = null)
    {
        var saved = await ResidentReports.SubmitAsync(db, submission ?? Submit(), at, default);
        saved.IsSuccess.ShouldBeTrue(saved.Error?.Message);
        return saved.Value;
    }

    [Fact]
    public async Task default_services_are_added_once_and_an_edit_moves_the_changeset()
    {
        await using var db = database.Context(Yaizu);
        (await Services.AddDefaultsAsync(db, T0, default)).ShouldBe(0);
        var road = (await Services.FindAsync(db, "101", default))!;
        (road.Section, road.ExpectedDays, road.DuplicateRadiusMetres, road.Attributes.Count).ShouldBe(("道路課", 7, 50, 3));

        var input = new Services.Input("101", "道路の穴", null, "道路", null, "道路維持課", null, "", "", false, true, "5",
            "damage | multivaluelist | 損傷 | 任意 | a=穴, b=段差");
        var saved = await Services.SaveAsync(db, input, isNew: false, T0.AddDays(1), default);

        saved.IsSuccess.ShouldBeTrue();
        (saved.Value.Section, saved.Value.ExpectedDays, saved.Value.DuplicateRadiusMetres, saved.Value.ChangedAtUtc).ShouldBe(("道路維持課", (int?)null, 50, T0.AddDays(1)));
        (await Services.SaveAsync(db, input, isNew: true, T0, default)).Error!.Message.ShouldBe("種類コード「101」はすでに使われています。");
        (await Services.SaveAsync(db, input with { Code = "9 9" }, isNew: true, T0, default)).Error!.Field.ShouldBe("Code");
        (await Services.SaveAsync(db, input with { ExpectedDays = "0" }, isNew: false, T0, default)).Error!.Field.ShouldBe("ExpectedDays");
    }

    [Theory]
    [InlineData("a | string | 質問 | 必須", null)]
    [InlineData("a | string | 質問", "1行目は「コード | 型 | 質問 | 必須/任意」の4つ以上の項目が要ります。")]
    [InlineData("a | colour | 色 | 必須", "1行目の型「colour」は")]
    [InlineData("a | string | 質問 | 要る", "1行目の4番目の項目は「必須」か「任意」です（「要る」）。")]
    [InlineData("a | singlevaluelist | 選ぶ | 任意", "1行目の singlevaluelist には選択肢（key=名前）が要ります。")]
    [InlineData("a | number | 数 | 任意 | x=1", "1行目の型 number は選択肢を持てません。")]
    [InlineData("a | string | 質問 | 必須\n\na | text | 二つ目 | 任意", "3行目のコード「a」は")]
    [InlineData("a | singlevaluelist | 選ぶ | 任意 | x=1, x=2", "1行目の選択肢「x=2」は")]
    public void attribute_lines_are_parsed_or_refused_with_the_line_number(string text, string? error)
    {
        var parsed = AttributeLines.Parse(text);

        if (error is null)
        {
            parsed.IsSuccess.ShouldBeTrue();
            return;
        }

        parsed.Error!.Message.ShouldStartWith("追加の質問の定義が正しくありません: " + error);
    }

    [Fact]
    public void attribute_lines_round_trip_through_format()
    {
        const string text = "damage | singlevaluelist | 損傷の種類 | 必須 | pothole=穴, crack=ひび割れ\nsize | number | 大きさ（cm） | 任意";

        var parsed = AttributeLines.Parse(text).Value;

        AttributeLines.Format(parsed).ShouldBe(text);
        parsed.Select(p => (p.Code, p.Order, p.Required)).ShouldBe([("damage", 1, true), ("size", 2, false)]);
    }

    [Theory]
    [InlineData("spam", "この内容は受け付けられません（同じ文字「あ」が20回以上続いています）。")]
    [InlineData("links", "この内容は受け付けられません（URL が3個あります。URL は2個までです）。")]
    [InlineData("empty", "何が起きているかを教えてください。状況の説明を書くか、写真を選んでください。")]
    [InlineData("nowhere", "場所を教えてください。地図をクリックしてピンを置くか、「住所・目印」の欄に書いてください。")]
    [InlineData("option", "「損傷の種類」に「lava」は選べません。")]
    [InlineData("inactive", "通報の種類「999」はありません。")]
    public async Task a_refused_submission_gives_its_japanese_message_and_writes_nothing(string kind, string message)
    {
        await using var db = database.Context(Yaizu);
        var submission = kind switch
        {
            "spam" => Submit(description: new string('あ', 20)),
            "links" => Submit(description: "http://a.example https://b.example http://c.example"),
            "empty" => Submit(description: "  "),
            "nowhere" => Submit(address: null),
            "option" => Submit("101", answers: new() { ["damage"] = ["lava"], ["danger"] = ["high"] }),
            _ => Submit("999"),
        };

        var saved = await ResidentReports.SubmitAsync(db, submission, T0, default);

        saved.Error!.Message.ShouldBe(message);
        (await db.ResidentReports.CountAsync()).ShouldBe(0);
        (await db.ReportNotes.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_submission_gets_the_next_number_its_section_and_target_and_a_first_public_line()
    {
        await using var db = database.Context(Yaizu);
        var first = await SubmitAsync(db, T0);
        var second = await SubmitAsync(db, T0.AddHours(1), Submit("101", answers: new() { ["damage"] = ["pothole"], ["danger"] = ["low"], ["size"] = ["12.5"] }));

        (first.Id, second.Id).ShouldBe((1L, 2L));
        (second.Section, second.ExpectedAtUtc, second.Status).ShouldBe(("道路課", (DateTime?)T0.AddHours(1).AddDays(7), ReportStatus.Received));
        ResidentReports.AttributesOf(second)["size"].ShouldBe(["12.5"]);
        var notes = await ResidentReports.NotesAsync(db, 2, publicOnly: true, default);
        notes.Single().Type.ShouldBe("submitted");
        second.RespondedAtUtc.ShouldBeNull();
    }

    [Fact]
    public async Task closing_sets_closed_at_reopening_clears_it_and_the_first_public_action_sets_responded_at()
    {
        await using var db = database.Context(Yaizu);
        var report = await SubmitAsync(db, T0);

        var internalNote = await Workflow.AddNoteAsync(db, report.Id, "業者に連絡", isPublic: false, T0.AddDays(1), default);
        internalNote.Value.RespondedAtUtc.ShouldBeNull();
        var scheduled = await Workflow.SetStatusAsync(db, report.Id, ReportStatus.Scheduled, null, T0.AddDays(2), default);
        (scheduled.Value.RespondedAtUtc, scheduled.Value.ClosedAtUtc).ShouldBe((T0.AddDays(2), (DateTime?)null));
        var fixedReport = await Workflow.SetStatusAsync(db, report.Id, ReportStatus.Fixed, "補修しました", T0.AddDays(5), default);
        (fixedReport.Value.RespondedAtUtc, fixedReport.Value.ClosedAtUtc).ShouldBe((T0.AddDays(2), T0.AddDays(5)));
        var stillClosed = await Workflow.SetStatusAsync(db, report.Id, ReportStatus.Unable, null, T0.AddDays(6), default);
        stillClosed.Value.ClosedAtUtc.ShouldBe(T0.AddDays(5)); // closed to closed keeps the first closing time
        var reopened = await Workflow.SetStatusAsync(db, report.Id, ReportStatus.InProgress, "再び壊れています", T0.AddDays(8), default);
        reopened.Value.ClosedAtUtc.ShouldBeNull();

        var all = await ResidentReports.NotesAsync(db, report.Id, publicOnly: false, default);
        var shown = await ResidentReports.NotesAsync(db, report.Id, publicOnly: true, default);
        all.Select(n => n.Type).ShouldBe(["submitted", "internal", "status", "status", "status", "status"]);
        shown.Count.ShouldBe(5);
        (await Workflow.SetStatusAsync(db, report.Id, ReportStatus.Duplicate, null, T0, default)).Error!.Field.ShouldBe("Status");
        (await Workflow.AddNoteAsync(db, report.Id, " ", isPublic: true, T0, default)).Error!.Message.ShouldBe("メモの本文を入力してください。");
    }

    [Fact]
    public async Task a_duplicate_of_a_duplicate_or_of_itself_is_refused()
    {
        await using var db = database.Context(Yaizu);
        var original = await SubmitAsync(db, T0);
        var copy = await SubmitAsync(db, T0.AddHours(1));
        var third = await SubmitAsync(db, T0.AddHours(2));

        var marked = await Workflow.MarkDuplicateAsync(db, copy.Id, original.Id, T0.AddDays(1), default);

        (marked.Value.Status, marked.Value.DuplicateOfId, marked.Value.ClosedAtUtc).ShouldBe((ReportStatus.Duplicate, (long?)original.Id, (DateTime?)T0.AddDays(1)));
        (await Workflow.MarkDuplicateAsync(db, third.Id, copy.Id, T0, default)).Error!.Message.ShouldBe($"受付番号 {copy.Id} はそれ自体が重複です。元の通報を指定してください。");
        (await Workflow.MarkDuplicateAsync(db, third.Id, third.Id, T0, default)).Error!.Message.ShouldBe("同じ通報を自分自身の重複にはできません。");
        (await Workflow.MarkDuplicateAsync(db, third.Id, 99, T0, default)).Error!.Message.ShouldBe("受付番号「99」の通報はありません。");
        (await ResidentReports.FindAsync(db, third.Id, default))!.Status.ShouldBe(ReportStatus.Received);
    }

    [Fact]
    public async Task hiding_and_redacting_are_internal_lines_and_a_hidden_report_is_never_suggested_nearby()
    {
        await using var db = database.Context(Yaizu);
        var withPin = Submit("101", answers: new() { ["damage"] = ["pothole"], ["danger"] = ["high"] }) with { Latitude = "34.867", Longitude = "138.32" };
        var report = await SubmitAsync(db, T0, withPin);
        (await Workflow.PublishAsync(db, report.Id, T0.AddHours(1), default)).IsSuccess.ShouldBeTrue();
        var road = (await Services.FindAsync(db, "101", default))!;
        (await ResidentReports.NearbyOpenAsync(db, road, 34.8672, 138.3201, default)).Count.ShouldBe(1);

        (await Workflow.RedactAsync(db, report.Id, "穴があります", T0.AddDays(1), default)).Value.Description.ShouldBe("穴があります");
        (await Workflow.SetHiddenAsync(db, report.Id, true, null, T0.AddDays(1), default)).Value.IsHidden.ShouldBeTrue();

        (await ResidentReports.NearbyOpenAsync(db, road, 34.8672, 138.3201, default)).ShouldBeEmpty();
        (await ResidentReports.NotesAsync(db, report.Id, publicOnly: true, default)).Select(n => n.Type).ShouldBe(["submitted"]);
        (await ResidentReports.FindAsync(db, report.Id, default))!.RespondedAtUtc.ShouldBeNull();
    }

    [Fact]
    public async Task response_times_give_medians_from_five_reports_and_count_overdue_open_ones()
    {
        await using var db = database.Context(Yaizu);
        // 道路課 (service 101, target 7 days): five reports answered after 1, 2, 3, 4 and 10 days, closed after 2, 4, 6 and 8
        // days; the fifth stays open past its target. Median to respond: 3 days (the middle of five). Median to close:
        // only four closed, fewer than five, so none. その他 (901, 土木管理課): one report, no median at all.
        double[] respond = [1, 2, 3, 4, 10];
        double?[] close = [2, 4, 6, 8, null];
        var road = Submit("101", answers: new() { ["damage"] = ["pothole"], ["danger"] = ["low"] });
        for (var i = 0; i < 5; i++)
        {
            var report = await SubmitAsync(db, T0, road);
            await Workflow.SetStatusAsync(db, report.Id, ReportStatus.InProgress, null, T0.AddDays(respond[i]), default);
            if (close[i] is { } days)
            {
                await Workflow.SetStatusAsync(db, report.Id, ReportStatus.Fixed, null, T0.AddDays(days), default);
            }
        }

        await SubmitAsync(db, T0.AddDays(1));

        var rows = await ResponseTimes.BySectionAsync(db, T0, T0.AddDays(30), T0.AddDays(20), default);

        rows.ShouldBe([
            new ResponseTimes.Row("土木管理課", 1, 1, 0, 0, null, null),
            new ResponseTimes.Row("道路課", 5, 1, 4, 1, 3, null),
        ]);
        ResponseTimes.Median([4, 1, 3, 2]).ShouldBeNull();
        ResponseTimes.Median([5, 1, 4, 2, 3, 6]).ShouldBe(3.5);
    }

    [Fact]
    public async Task the_demo_reports_go_through_the_real_path_once()
    {
        await using var db = database.Context(Yaizu, actor: "system:demo-seed");
        var now = DateTime.UtcNow;

        await DemoReports.SeedAsync(db, now, default);
        await DemoReports.SeedAsync(db, now, default);

        var reports = await db.ResidentReports.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        reports.Count.ShouldBe(12);
        reports.ShouldAllBe(r => r.IsSample && r.Latitude > 34.85 && r.Latitude < 34.88 && r.Longitude > 138.30 && r.Longitude < 138.33);
        reports.Select(r => r.Status).Distinct().Count().ShouldBe(7);
        reports.Select(r => r.Section).Distinct().Count().ShouldBe(4);
        reports.Count(r => r.IsHidden).ShouldBe(1);
        reports.Single(r => r.Status == ReportStatus.Duplicate).DuplicateOfId.ShouldBe(10);
    }
}
