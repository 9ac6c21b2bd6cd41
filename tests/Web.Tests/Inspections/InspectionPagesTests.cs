using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Register;
using InfraLedger.Web.Tests.Register;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Inspections;

/// <summary>The inspection and deterioration pages and downloads; another tenant's are 404, absent and refused on write.</summary>
public sealed partial class InspectionPagesTests(InspectionPagesTests.Seed seed) : IClassFixture<InspectionPagesTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private readonly AppFactory app = seed.App;
    private readonly HttpClient yaizuAdmin = seed.YaizuAdmin;
    private readonly HttpClient yaizuViewer = seed.YaizuViewer;

    public Task InitializeAsync() => seed.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The users and data every test starts from, seeded once for the class (<see cref="SeededApp"/>).</summary>
    public sealed class Seed : SeededApp
    {
        public HttpClient YaizuAdmin { get; private set; } = null!;

        public HttpClient YaizuViewer { get; private set; } = null!;

        protected override async Task SeedAsync(AppFactory app)
        {
            YaizuAdmin = await app.SignedInClientAsync("admin@yaizu.example.jp", await app.CreateUserAsync("admin@yaizu.example.jp", Yaizu, TenantRole.Admin));
            YaizuViewer = await app.SignedInClientAsync("viewer@yaizu.example.jp", await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer));
            await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
            {
                // Ten bridges in grade I on 2014-06-01, five years later 6 in I, 2 in II, 1 in III, 1 in IV: the fitted
                // one-interval probabilities equal those shares (see DeteriorationModelsTests).
                string[] later = ["I", "I", "I", "I", "I", "I", "II", "II", "III", "IV"];
                for (var i = 0; i < later.Length; i++)
                {
                    var bridge = RegisterSeed.Facility(Yaizu, $"BR-{i}", $"{i}号橋");
                    bridge.Kind = AssetKind.Bridge;
                    await RegisterSeed.SaveAsync(db, bridge);
                    foreach (var (date, grade) in new[] { ("2014-06-01", "I"), ("2019-06-01", later[i]) })
                    {
                        (await Core.Inspections.InspectionRecords.RecordAsync(db, new($"BR-{i}", null, date, "点検太郎", grade, null, null, null), new DateOnly(2025, 1, 1), default)).IsSuccess.ShouldBeTrue();
                    }
                }
            }

            await using var other = app.Database.Context(Fujieda, actor: "test-setup");
            var theirs = RegisterSeed.Facility(Fujieda, "FB-1", "藤枝大橋");
            theirs.Kind = AssetKind.Bridge;
            await RegisterSeed.SaveAsync(other, theirs);
            (await Core.Inspections.InspectionRecords.RecordAsync(other, new("FB-1", null, "2020-06-01", "藤枝の点検者", "III", null, null, null), new DateOnly(2025, 1, 1), default)).IsSuccess.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task the_inspections_page_lists_records_and_the_grade_distribution_with_its_download()
    {
        var page = await yaizuViewer.GetStringAsync("/222127/inspections");
        page.ShouldContain("BR-9");
        page.ShouldContain("IV 緊急措置段階");
        page.ShouldContain("id=\"table-distribution\"");
        page.ShouldNotContain("藤枝");

        var csv = (await yaizuViewer.GetStringAsync("/222127/inspections/export?format=csv")).Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        csv[0].ShouldBe("資産種別,区分の体系,区分1（最良）,区分2,区分3,区分4,施設数");
        csv[1].ShouldBe("橋梁,判定区分（橋梁・トンネル等）,6,2,1,1,10");
    }

    [Fact]
    public async Task an_editor_records_an_inspection_and_a_located_japanese_error_comes_back_for_a_bad_grade()
    {
        var saved = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/inspections",
            new() { ["FacilityCode"] = "BR-1", ["InspectedOn"] = "2024-06-01", ["Grade"] = "II", ["Countermeasure"] = "C1" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var refused = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/inspections",
            new() { ["FacilityCode"] = "BR-1", ["InspectedOn"] = "2024-06-01", ["Grade"] = "V" });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("判定区分「V」は判定区分（橋梁・トンネル等）の区分");

        // A valid antiforgery token of the viewer (from the sign-in form): the role, not antiforgery, must refuse.
        var viewer = await AppFactory.PostFormAsync(yaizuViewer, "/222127/inspections",
            new() { ["FacilityCode"] = "BR-1", ["InspectedOn"] = "2024-06-01", ["Grade"] = "II" }, formPage: "/account/login");
        viewer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = app.Database.Context(Yaizu);
        (await db.Inspections.CountAsync(i => i.FacilityCode == "BR-1")).ShouldBe(3);
    }

    [Fact]
    public async Task an_editor_fits_the_model_and_the_page_shows_hazards_matrix_curve_and_forecast_with_their_tables()
    {
        var fitted = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/deterioration?handler=Fit", new() { ["kind"] = "bridge" }, formPage: "/222127/deterioration");
        fitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await yaizuViewer.GetStringAsync("/222127/deterioration?kind=bridge&interval=5");
        foreach (var table in new[] { "hazards", "transition", "curve", "forecast" })
        {
            page.ShouldContain($"id=\"table-{table}\"");
        }

        page.ShouldContain("<svg");
        // θ_1 = −ln 0.6 / (1826/365.25) = 0.1022 per year
        var hazards = await yaizuViewer.GetStringAsync("/222127/deterioration/export?table=hazards&kind=bridge&format=csv");
        hazards.ShouldContain("I 健全,0.1022,");
        var model = await yaizuViewer.GetStringAsync("/222127/deterioration/export?table=model&kind=bridge");
        model.ShouldContain("\"states\":4");
        (await yaizuViewer.GetAsync("/222127/deterioration/export?table=hazards&kind=bridge&interval=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/222143/inspections")]
    [InlineData("/222143/inspections/export?format=csv")]
    [InlineData("/222143/deterioration")]
    [InlineData("/222143/deterioration/export?table=hazards&kind=bridge&format=csv")]
    public async Task another_tenants_inspections_and_models_are_404(string path) =>
        (await yaizuAdmin.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task posting_to_another_tenant_is_404_and_its_facility_codes_are_unknown_here()
    {
        var response = await AppFactory.PostFormAsync(yaizuAdmin, "/222143/inspections",
            new() { ["FacilityCode"] = "FB-1", ["InspectedOn"] = "2024-06-01", ["Grade"] = "I" }, formPage: "/222127/inspections");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var fit = await AppFactory.PostFormAsync(yaizuAdmin, "/222143/deterioration?handler=Fit", new() { ["kind"] = "bridge" }, formPage: "/222127/deterioration");
        fit.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var here = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/inspections",
            new() { ["FacilityCode"] = "FB-1", ["InspectedOn"] = "2024-06-01", ["Grade"] = "I" });
        (await here.Content.ReadAsStringAsync()).ShouldContain("施設コード「FB-1」の施設は台帳にありません。");

        await using var db = app.Database.Context(Fujieda);
        (await db.Inspections.SingleAsync()).Grade.ShouldBe(3);
        (await db.DeteriorationModels.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task an_editor_corrects_an_inspection_and_a_bad_grade_is_refused_in_japanese_at_its_field()
    {
        var id = await IdOfAsync(Yaizu, "BR-9", "2019-06-01");
        var path = $"/222127/inspections/{id}/edit";
        var form = await yaizuAdmin.GetStringAsync(path);
        form.ShouldContain("value=\"IV 緊急措置段階\"");

        var refused = await AppFactory.PostFormAsync(yaizuAdmin, path,
            new() { ["Input.FacilityCode"] = "BR-9", ["Input.InspectedOn"] = "2019-06-01", ["Input.Grade"] = "V" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("<p id=\"Input_Grade_error\" class=\"field-error\">判定区分「V」は判定区分（橋梁・トンネル等）の区分");
        html.ShouldContain("href=\"#Input_Grade\"");

        var saved = await AppFactory.PostFormAsync(yaizuAdmin, path,
            new() { ["Input.FacilityCode"] = "BR-9", ["Input.Member"] = "床版", ["Input.InspectedOn"] = "2019-06-02", ["Input.Grade"] = "III", ["Input.Countermeasure"] = "C2" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.Database.Context(Yaizu);
        var stored = await db.Inspections.SingleAsync(i => i.Id == id);
        (stored.Member, stored.InspectedOn, stored.Grade).ShouldBe(("床版", new DateOnly(2019, 6, 2), 3));
        (await db.AuditEvents.CountAsync(e => e.EntityType == "Inspection" && e.Action == "Modified" && e.Actor.StartsWith("user:"))).ShouldBe(1);
    }

    [Fact]
    public async Task an_editor_records_corrects_and_deletes_a_work()
    {
        (await AppFactory.PostFormAsync(yaizuAdmin, "/222127/inspections?handler=Work",
            new() { ["FacilityCode"] = "BR-1", ["CompletedOn"] = "2020-03-01", ["Description"] = "断面修復", ["GradeAfter"] = "I", ["Cost"] = "1,000,000" },
            formPage: "/222127/inspections")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        long id;
        await using (var db = app.Database.Context(Yaizu))
        {
            id = (await db.MaintenanceWorks.SingleAsync()).Id;
        }

        var path = $"/222127/inspections/works/{id}/edit";
        var refused = await AppFactory.PostFormAsync(yaizuAdmin, path,
            new() { ["Input.FacilityCode"] = "BR-1", ["Input.CompletedOn"] = "2020-03-01", ["Input.Description"] = "", ["Input.Cost"] = "1000000" });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("<p id=\"Input_Description_error\" class=\"field-error\">工事・補修の内容を入力してください。");
        var saved = await AppFactory.PostFormAsync(yaizuAdmin, path,
            new() { ["Input.FacilityCode"] = "BR-1", ["Input.CompletedOn"] = "2020-03-01", ["Input.Description"] = "断面修復・塗装", ["Input.GradeAfter"] = "II", ["Input.Cost"] = "1500000" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var db = app.Database.Context(Yaizu))
        {
            var work = await db.MaintenanceWorks.SingleAsync();
            (work.Description, work.GradeAfter, work.Cost).ShouldBe(("断面修復・塗装", (int?)2, (decimal?)1_500_000m));
        }

        (await AppFactory.PostFormAsync(yaizuAdmin, path + "?handler=Delete", [], formPage: path)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var after = app.Database.Context(Yaizu);
        (await after.MaintenanceWorks.CountAsync()).ShouldBe(0);
        (await after.AuditEvents.Where(e => e.EntityType == "MaintenanceWork").Select(e => e.Action).ToListAsync()).ShouldBe(["Added", "Modified", "Deleted"], ignoreOrder: true);
    }

    [Fact]
    public async Task a_viewer_can_neither_open_nor_post_the_edit_pages()
    {
        var id = await IdOfAsync(Yaizu, "BR-9", "2019-06-01");
        (await yaizuViewer.GetAsync($"/222127/inspections/{id}/edit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var viewer = await AppFactory.PostFormAsync(yaizuViewer, $"/222127/inspections/{id}/edit?handler=Delete", [], formPage: "/account/login");
        viewer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var list = await yaizuViewer.GetStringAsync("/222127/inspections");
        list.ShouldNotContain("/edit\"");
        await using var db = app.Database.Context(Yaizu);
        (await db.Inspections.CountAsync(i => i.Id == id)).ShouldBe(1);
    }

    [Fact]
    public async Task another_tenants_inspection_cannot_be_opened_corrected_or_deleted()
    {
        var theirs = await IdOfAsync(Fujieda, "FB-1", "2020-06-01");
        (await yaizuAdmin.GetAsync($"/222143/inspections/{theirs}/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var ours = await IdOfAsync(Yaizu, "BR-1", "2014-06-01");
        var post = await AppFactory.PostFormAsync(yaizuAdmin, $"/222143/inspections/{theirs}/edit?handler=Delete", [], formPage: $"/222127/inspections/{ours}/edit");
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var edit = await AppFactory.PostFormAsync(yaizuAdmin, $"/222143/inspections/{theirs}/edit",
            new() { ["Input.FacilityCode"] = "FB-1", ["Input.InspectedOn"] = "2020-06-01", ["Input.Grade"] = "I" }, formPage: $"/222127/inspections/{ours}/edit");
        edit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await yaizuAdmin.GetAsync("/222143/inspections/works/1/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = app.Database.Context(Fujieda);
        (await db.Inspections.SingleAsync()).Grade.ShouldBe(3);
    }

    private async Task<long> IdOfAsync(string tenant, string facility, string date)
    {
        await using var db = app.Database.Context(tenant);
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        return (await db.Inspections.SingleAsync(i => i.FacilityCode == facility && i.InspectedOn == on)).Id;
    }

    [Fact]
    public async Task an_editor_imports_a_works_file_twice_and_the_second_run_adds_nothing()
    {
        const string csv = "施設コード,部材,完了日,内容,完了後の区分,費用（円）\nBR-9,,2020-03-01,断面修復,I,\"1,000,000\"\nBR-8,床版,2021-03-01,床版防水,II,500000\n";
        var first = await UploadAsync(yaizuAdmin, "/222127/inspections?handler=ImportWorks", "worksUpload", csv, "工事.csv");
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await yaizuAdmin.GetStringAsync("/222127/inspections");
        page.ShouldContain("工事・補修のファイル 2 行を取り込みました（追加 2 件、修正 0 件、変更なし 0 件）。");

        (await UploadAsync(yaizuAdmin, "/222127/inspections?handler=ImportWorks", "worksUpload", csv, "工事.csv")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await yaizuAdmin.GetStringAsync("/222127/inspections")).ShouldContain("（追加 0 件、修正 0 件、変更なし 2 件）");
        await using var db = app.Database.Context(Yaizu);
        (await db.MaintenanceWorks.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task a_bad_works_file_lists_each_problem_with_row_column_and_value_and_writes_nothing()
    {
        var response = await UploadAsync(yaizuAdmin, "/222127/inspections?handler=ImportWorks", "worksUpload",
            "施設コード,完了日,内容,費用\nBR-9,2020-03-01,断面修復,1000\nFB-1,2020-03-01,塗装,\nBR-8,2020-03-01,塗装,12万\n", "工事.csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("問題が 2 件あるため、何も取り込んでいません。");
        html.ShouldContain("<td class=\"numeric\">3</td><td>施設コード</td><td>FB-1</td><td>施設コード「FB-1」の施設は台帳にありません。</td>");
        html.ShouldContain("<td class=\"numeric\">4</td><td>費用</td><td>12万</td>");
        await using var db = app.Database.Context(Yaizu);
        (await db.MaintenanceWorks.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_viewer_cannot_import_works_and_another_tenant_is_404()
    {
        const string csv = "施設コード,完了日,内容\nBR-9,2020-03-01,断面修復\n";
        (await UploadAsync(yaizuViewer, "/222127/inspections?handler=ImportWorks", "worksUpload", csv, "工事.csv", "/account/login")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await UploadAsync(yaizuAdmin, "/222143/inspections?handler=ImportWorks", "worksUpload", "施設コード,完了日,内容\nFB-1,2020-03-01,断面修復\n", "工事.csv", "/222127/inspections"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var ours = app.Database.Context(Yaizu);
        (await ours.MaintenanceWorks.CountAsync()).ShouldBe(0);
        await using var theirs = app.Database.Context(Fujieda);
        (await theirs.MaintenanceWorks.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_facilitys_page_has_the_grade_table_the_chart_is_drawn_from_and_the_works_marked_on_it()
    {
        await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
        {
            (await Core.Inspections.InspectionRecords.RecordAsync(db, new("BR-9", "床版", "2019-06-01", null, "III", null, null, null), new DateOnly(2025, 1, 1), default)).IsSuccess.ShouldBeTrue();
            (await Core.Inspections.InspectionRecords.RecordWorkAsync(db, new("BR-9", "床版", "2021-03-01", "床版補修", "I", "3000000"), new DateOnly(2025, 1, 1), default)).IsSuccess.ShouldBeTrue();
        }

        var page = await yaizuViewer.GetStringAsync("/222127/inspections/facility/BR-9");

        page.ShouldContain("data-chart=\"grade-history\" data-table=\"table-grade-history\" data-works=\"table-works-history\"");
        page.ShouldContain("data-levels=\"I 健全|II 予防保全段階|III 早期措置段階|IV 緊急措置段階\"");
        var headers = Regex.Match(page, "<caption>判定区分の推移（点検日ごと、部材ごと）</caption>\\s*<thead>(.*?)</thead>").Groups[1].Value;
        Regex.Matches(headers, "<th scope=\"col\">([^<]*)</th>").Select(m => m.Groups[1].Value).ShouldBe(["点検日", "施設全体", "床版"]);
        page.ShouldContain("<th scope=\"row\" data-date=\"2014-06-01\">2014-06-01</th>\n                    <td data-value=\"1\">I 健全</td>\n                    <td>－</td>");
        page.ShouldContain("<td data-value=\"4\">IV 緊急措置段階</td>");
        page.ShouldContain("<th scope=\"row\" data-date=\"2021-03-01\">2021-03-01</th>");
        page.ShouldContain("/lib/echarts/echarts.common.min.js");
        page.ShouldNotContain("/edit\"");
        (await yaizuViewer.GetStringAsync("/222127/inspections")).Split("<caption>点検記録（施設・部材ごとに新しい順）</caption>").Length.ShouldBe(2);
        (await yaizuAdmin.GetStringAsync("/222127/inspections/facility/BR-9")).ShouldContain("/edit\"");
    }

    [Theory]
    [InlineData("/222127/inspections/facility/FB-1")]
    [InlineData("/222143/inspections/facility/FB-1")]
    [InlineData("/222127/inspections/facility/NO-SUCH")]
    public async Task another_tenants_facility_history_is_404(string path) =>
        (await yaizuAdmin.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task an_admin_defines_a_scale_assigns_it_to_bridges_and_inspections_are_then_recorded_and_fitted_on_it()
    {
        var refused = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/inspections/scales",
            new() { ["Input.Code"] = "three", ["Input.Name"] = "3段階", ["Input.Levels"] = "良" });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("<p id=\"Input_Levels_error\" class=\"field-error\">区分は2〜9個にしてください（1行に1つ、最良から順に。いまは1個）。");

        (await AppFactory.PostFormAsync(yaizuAdmin, "/222127/inspections/scales",
            new() { ["Input.Code"] = "three", ["Input.Name"] = "3段階", ["Input.Levels"] = "良\r\n可\r\n不可" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AppFactory.PostFormAsync(yaizuAdmin, "/222127/inspections/scales?handler=Assign", new() { ["kind"] = "bridge", ["scale"] = "three" },
            formPage: "/222127/inspections/scales")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await yaizuAdmin.GetStringAsync("/222127/inspections/scales");
        page.ShouldContain("<option value=\"three\" selected=\"selected\">3段階</option>");

        // BR-0…BR-9 were graded on I–IV before the switch; now graded 良/可/不可 five years on, the fit has 3 states.
        await using (var db = app.Database.Context(Yaizu, actor: "test-setup"))
        {
            for (var i = 0; i < 10; i++)
            {
                (await Core.Inspections.InspectionRecords.RecordAsync(db, new($"BR-{i}", null, "2020-06-01", null, "良", null, null, null), new DateOnly(2025, 1, 1), default)).IsSuccess.ShouldBeTrue();
                (await Core.Inspections.InspectionRecords.RecordAsync(db, new($"BR-{i}", null, "2024-06-01", null, i < 7 ? "1" : i < 9 ? "可" : "不可", null, null, null), new DateOnly(2025, 1, 1), default)).IsSuccess.ShouldBeTrue();
            }
        }

        (await yaizuViewer.GetStringAsync("/222127/inspections/facility/BR-9")).ShouldContain("data-levels=\"良|可|不可\"");
        (await AppFactory.PostFormAsync(yaizuAdmin, "/222127/deterioration?handler=Fit", new() { ["kind"] = "bridge" }, formPage: "/222127/deterioration")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var hazards = await yaizuViewer.GetStringAsync("/222127/deterioration/export?table=hazards&kind=bridge&format=csv");
        hazards.Split('\n').Select(l => l.Split(',')[0]).Skip(1).Where(l => l.Length > 0).ShouldBe(["良", "可"]);
        (await yaizuViewer.GetStringAsync("/222127/deterioration?kind=bridge")).ShouldContain("状態は3段階の区分（良、可、不可）です。");
    }

    [Fact]
    public async Task only_an_admin_of_the_tenant_reaches_the_scales_page_and_another_tenants_is_404()
    {
        var editor = await app.SignedInClientAsync("editor@yaizu.example.jp", await app.CreateUserAsync("editor@yaizu.example.jp", Yaizu, TenantRole.Editor));
        (await editor.GetAsync("/222127/inspections/scales")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await yaizuViewer.GetAsync("/222127/inspections/scales")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var posted = await AppFactory.PostFormAsync(editor, "/222127/inspections/scales",
            new() { ["Input.Code"] = "three", ["Input.Name"] = "3段階", ["Input.Levels"] = "良\n可\n不可" }, formPage: "/222127/inspections");
        posted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await yaizuAdmin.GetAsync("/222143/inspections/scales")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var other = await AppFactory.PostFormAsync(yaizuAdmin, "/222143/inspections/scales?handler=Assign", new() { ["kind"] = "bridge", ["scale"] = "" },
            formPage: "/222127/inspections/scales");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var ours = app.Database.Context(Yaizu);
        (await ours.TenantSettings.CountAsync(s => s.Key.StartsWith("grade-scale"))).ShouldBe(0);
        await using var theirs = app.Database.Context(Fujieda);
        (await theirs.TenantSettings.CountAsync(s => s.Key.StartsWith("grade-scale"))).ShouldBe(0);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path, string field, string csv, string fileName, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? path.Split('?')[0]);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { file, field, fileName },
        };
        return await client.PostAsync(path, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
