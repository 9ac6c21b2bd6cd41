using System.Net;
using InfraLedger.Core.Reports;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>The staff side of the report pages: status changes, workflow refusals, the queue, the export and service admin.</summary>
public sealed partial class ReportPagesTests
{
    [Fact]
    public async Task an_editor_changes_the_status_with_a_public_note_and_an_internal_note_stays_internal()
    {
        var id = await SubmitAsync("橋のたもとの穴");

        var status = await AppFactory.PostFormAsync(yaizuAdmin, $"/222127/reports/{id}?handler=Status",
            new() { ["newStatus"] = "InProgress", ["statusNotes"] = "現地を確認しました。" }, formPage: $"/222127/reports/{id}");
        var note = await AppFactory.PostFormAsync(yaizuAdmin, $"/222127/reports/{id}?handler=Note",
            new() { ["text"] = "業者Aに見積依頼", ["visibility"] = "internal" }, formPage: $"/222127/reports/{id}");

        status.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        note.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await app.Client().GetStringAsync($"/222127/report/{id}");
        page.ShouldContain("対応中");
        page.ShouldContain("現地を確認しました。");
        page.ShouldNotContain("業者Aに見積依頼");
        var staff = await yaizuAdmin.GetStringAsync($"/222127/reports/{id}");
        staff.ShouldContain("業者Aに見積依頼");
        staff.ShouldContain("内部");
    }

    [Fact]
    public async Task workflow_refusals_are_shown_on_their_field()
    {
        var first = await SubmitAsync("元の通報");
        var second = await SubmitAsync("重複の通報");
        (await AppFactory.PostFormAsync(yaizuAdmin, $"/222127/reports/{second}?handler=Duplicate", new() { ["duplicateOf"] = first.ToString() }, formPage: $"/222127/reports/{second}"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var third = await SubmitAsync("三つ目");
        var chained = await AppFactory.PostFormAsync(yaizuAdmin, $"/222127/reports/{third}?handler=Duplicate", new() { ["duplicateOf"] = second.ToString() }, formPage: $"/222127/reports/{third}");
        var facility = await AppFactory.PostFormAsync(yaizuAdmin, $"/222127/reports/{third}?handler=Facility", new() { ["facilityCode"] = "NOPE" }, formPage: $"/222127/reports/{third}");

        (await chained.Content.ReadAsStringAsync()).ShouldContain($"id=\"DuplicateOf-error\" class=\"field-error\">受付番号 {second} はそれ自体が重複です");
        (await facility.Content.ReadAsStringAsync()).ShouldContain("id=\"FacilityCode-error\" class=\"field-error\">施設コード「NOPE」の施設は台帳にありません。");
        (await app.Client().GetStringAsync($"/222127/report/{second}")).ShouldContain($"href=\"/222127/report/{first}\"");
    }

    [Fact]
    public async Task the_staff_queue_of_one_tenant_never_shows_anothers_reports()
    {
        await SubmitAsync("焼津の通報");

        var queue = await yaizuViewer.GetStringAsync("/222127/reports");

        queue.ShouldContain("道路の穴・陥没");
        queue.ShouldContain("href=\"/222127/reports/1\"");
        queue.ShouldNotContain("/222127/reports/2\"");
        queue.ShouldNotContain("藤枝");
        (await yaizuViewer.GetAsync("/222127/reports/3")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // 藤枝市 has a report 3
        (await app.Client().GetAsync("/222127/report/3")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await yaizuViewer.GetAsync("/222143/reports")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await yaizuViewer.GetAsync("/222143/reports/1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_viewer_cannot_act_and_another_tenants_editor_gets_404()
    {
        var id = await SubmitAsync("焼津の通報");

        // Valid antiforgery tokens from the sign-in form: the role, not antiforgery, must refuse.
        var viewer = await AppFactory.PostFormAsync(yaizuViewer, $"/222127/reports/{id}?handler=Status", new() { ["newStatus"] = "Fixed" }, formPage: "/account/login");
        var other = await AppFactory.PostFormAsync(fujiedaEditor, $"/222127/reports/{id}?handler=Status", new() { ["newStatus"] = "Fixed" }, formPage: "/account/login");
        var otherAdmin = await AppFactory.PostFormAsync(fujiedaEditor, "/222127/reports/services?handler=Defaults", [], formPage: "/account/login");

        viewer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        otherAdmin.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await yaizuViewer.GetAsync("/222127/reports/services")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = app.Database.Context(Yaizu);
        (await db.ResidentReports.SingleAsync(r => r.Id == id)).Status.ShouldBe(ReportStatus.Received);
    }

    [Fact]
    public async Task the_csv_export_has_the_filtered_reports_and_no_contact_details()
    {
        await SubmitAsync("焼津の通報", email: "csv-secret@example.jp");
        await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
        {
            var park = Submission("301", "公園のベンチ", email: "park-secret@example.jp") with
            {
                Attributes = new Dictionary<string, IReadOnlyList<string>> { ["equipment"] = ["bench"], ["danger"] = ["low"] },
            };
            (await ResidentReports.SubmitAsync(db, park, DateTime.UtcNow, default)).IsSuccess.ShouldBeTrue();
        }

        var csv = await yaizuViewer.GetStringAsync("/222127/reports?handler=Export&table=reports&section=%E9%81%93%E8%B7%AF%E8%AA%B2&format=csv");
        var lines = csv.TrimStart('\uFEFF').Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        lines[0].ShouldBe("受付番号,受付日,種類,状態,担当課,期限超過,公開,住所・目印,施設コード");
        lines.Count.ShouldBe(2);
        lines[1].ShouldStartWith("1,");
        lines[1].ShouldContain(",道路の穴・陥没,受付,道路課,");
        csv.ShouldNotContain("secret@example.jp");
        csv.ShouldNotContain("054-000-0000");
        csv.ShouldNotContain("太郎");
        var times = await yaizuViewer.GetStringAsync("/222127/reports?handler=Export&table=response-times&format=csv");
        times.ShouldContain("公園緑地課,1,1,0,0,5件未満,5件未満");
    }

    [Fact]
    public async Task an_admin_adds_the_default_services_and_edits_one_with_questions_as_lines()
    {
        var added = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/reports/services?handler=Defaults", [], formPage: "/222127/reports/services");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await yaizuAdmin.GetStringAsync("/222127/reports/services")).ShouldContain("既定の種類はすべて登録済みです。");

        var created = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/reports/services/edit", new()
        {
            ["Input.Code"] = "401", ["Input.Name"] = "河川の護岸の損傷", ["Input.Group"] = "河川", ["Input.Section"] = "河川課", ["Input.ExpectedDays"] = "10",
            ["Input.DuplicateRadiusMetres"] = "100", ["Input.Order"] = "60", ["Input.IsActive"] = "true",
            ["Input.Attributes"] = "damage | singlevaluelist | 損傷の種類 | 必須 | crack=ひび割れ, collapse=崩れ\nwidth | number | 幅（m） | 任意",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var edit = await yaizuAdmin.GetStringAsync("/222127/reports/services/edit/401");
        edit.ShouldContain("damage | singlevaluelist | 損傷の種類 | 必須 | crack=ひび割れ, collapse=崩れ");

        var refused = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/reports/services/edit/401", new()
        {
            ["Input.Name"] = "河川の護岸の損傷", ["Input.Section"] = "河川課", ["Input.Attributes"] = "damage | colour | 色 | 必須",
        });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("id=\"Input_Attributes_error\" class=\"field-error\">追加の質問の定義が正しくありません: 1行目の型「colour」は");

        var deactivated = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/reports/services/edit/401", new()
        {
            ["Input.Name"] = "河川の護岸の損傷", ["Input.Section"] = "河川課",
        });
        deactivated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.Database.Context(Yaizu);
        var service = await db.ReportServices.SingleAsync(s => s.Code == "401");
        (service.IsActive, service.Attributes.Count, service.Group).ShouldBe((false, 0, null));
        (await app.Client().GetStringAsync("/222127/report")).ShouldNotContain("河川の護岸の損傷");
    }
}
