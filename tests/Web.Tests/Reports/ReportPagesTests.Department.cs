using System.Net;
using InfraLedger.Core.Audit;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Reports;

/// <summary>The 担当課 of a report changed by staff on the detail page (issue 21 item 7): audited, tenant-scoped, refusals in Japanese.</summary>
public sealed partial class ReportPagesTests
{
    private async Task<(string Section, int Audits)> SectionAsync(long id)
    {
        await using var db = app.Database.Context(Yaizu);
        return ((await db.ResidentReports.SingleAsync(r => r.Id == id)).Section, await db.Set<AuditEvent>().CountAsync());
    }

    [Fact]
    public async Task staff_hand_a_report_to_another_section_as_one_audited_change()
    {
        var id = await SubmitAsync("公園の近くの道路の穴");
        var page = await yaizuAdmin.GetStringAsync($"/222127/reports/{id}");
        page.ShouldContain("id=\"department-form\"");
        page.ShouldContain("<option value=\"公園緑地課\">公園緑地課</option>");
        var (before, audits) = await SectionAsync(id);
        before.ShouldBe("道路課");

        var changed = await AppFactory.PostFormAsync(yaizuAdmin, $"/222127/reports/{id}?handler=Section", new() { ["section"] = "公園緑地課" }, formPage: $"/222127/reports/{id}");

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (after, auditsAfter) = await SectionAsync(id);
        after.ShouldBe("公園緑地課");
        auditsAfter.ShouldBeGreaterThan(audits);
        var detail = await yaizuAdmin.GetStringAsync($"/222127/reports/{id}");
        detail.ShouldContain("担当課を「道路課」から「公園緑地課」に変えました。");
        (await app.Client().GetStringAsync($"/222127/report/{id}")).ShouldNotContain("公園緑地課"); // an internal line
    }

    [Fact]
    public async Task an_unknown_section_is_refused_in_japanese_and_nothing_changes()
    {
        var id = await SubmitAsync("担当課の誤り");
        var (_, audits) = await SectionAsync(id);

        var refused = await AppFactory.PostFormAsync(yaizuAdmin, $"/222127/reports/{id}?handler=Section", new() { ["section"] = "存在しない課" }, formPage: $"/222127/reports/{id}");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("id=\"Section-error\" class=\"field-error\">担当課「存在しない課」は通報の種類に設定されていません");
        (await SectionAsync(id)).ShouldBe(("道路課", audits));
    }

    [Fact]
    public async Task another_tenants_staff_and_a_viewer_cannot_change_the_section()
    {
        var id = await SubmitAsync("他団体から変えられない");
        var (_, audits) = await SectionAsync(id);

        var other = await AppFactory.PostFormAsync(fujiedaEditor, $"/222127/reports/{id}?handler=Section", new() { ["section"] = "土木課" }, formPage: "/222143/reports");
        var viewer = await AppFactory.PostFormAsync(yaizuViewer, $"/222127/reports/{id}?handler=Section", new() { ["section"] = "土木課" }, formPage: $"/222127/reports/{id}");
        var missing = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/reports/999999?handler=Section", new() { ["section"] = "土木課" }, formPage: "/222127/reports");

        other.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        viewer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SectionAsync(id)).ShouldBe(("道路課", audits));
    }
}
