using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Register;

/// <summary>Upload, dry run, mapping, commit and cancel through the pages; jobs and uploads stay within their tenant.</summary>
public sealed partial class ImportPagesTests : IAsyncLifetime
{
    private AppFactory app = null!;
    private HttpClient editor = null!;

    public async Task InitializeAsync()
    {
        app = await AppFactory.CreateAsync();
        var password = await app.CreateUserAsync("editor@yaizu.example.jp", "222127", TenantRole.Editor);
        editor = await app.SignedInClientAsync("editor@yaizu.example.jp", password);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string tenant, string csv, string fileName, Dictionary<string, string>? fields = null)
    {
        var page = await client.GetStringAsync($"/{tenant}/import");
        var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent("Facilities"), "Target" },
        };
        foreach (var (name, value) in fields ?? [])
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync($"/{tenant}/import", form);
    }

    /// <summary>Follows a job page until the job has finished; returns its final HTML.</summary>
    private static async Task<string> FinishedAsync(HttpClient client, string location)
    {
        for (var i = 0; i < 100; i++)
        {
            var html = await client.GetStringAsync(location);
            if (!html.Contains("<progress", StringComparison.Ordinal))
            {
                return html;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the import job did not finish");
    }

    [Fact]
    public async Task an_upload_is_checked_first_then_committed_all_at_once()
    {
        var upload = await UploadAsync(editor, "222127", "施設コード,施設名,延床面積（㎡）\nK1,中央公民館,\"1,200\"\nK2,北公民館,800\n", "kominkan.csv");
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var dryRun = await FinishedAsync(editor, upload.Headers.Location!.ToString());

        dryRun.ShouldContain("問題はありません");
        dryRun.ShouldContain("<td>2</td><td>0</td><td>0</td><td>0</td>"); // added, updated, unchanged, problems
        await using (var db = app.Database.Context("222127"))
        {
            (await db.Facilities.CountAsync()).ShouldBe(0); // a dry run writes nothing
        }

        var commit = await AppFactory.PostFormAsync(editor, upload.Headers.Location + "?handler=Commit", [], formPage: upload.Headers.Location!.ToString());
        var done = await FinishedAsync(editor, commit.Headers.Location!.ToString());

        done.ShouldContain("取込を確定しました（追加 2、更新 0、変更なし 0）");
        await using var check = app.Database.Context("222127");
        (await check.Facilities.SingleAsync(f => f.Code == "K1")).Quantity.ShouldBe(1200m);

        // The upload is gone once imported: committing the old check again says so and writes nothing.
        var again = await AppFactory.PostFormAsync(editor, upload.Headers.Location + "?handler=Commit", [], formPage: upload.Headers.Location!.ToString());
        (await FinishedAsync(editor, again.Headers.Location!.ToString())).ShouldContain("アップロードされたファイルはもうありません");
    }

    [Fact]
    public async Task problems_are_listed_with_row_column_value_and_reason_and_the_mapping_can_be_changed()
    {
        var upload = await UploadAsync(editor, "222127", "管理記号,呼称,緯度,経度\nM1,図書館,94.8,138.3\n", "lib.csv");
        var report = await FinishedAsync(editor, upload.Headers.Location!.ToString());

        report.ShouldContain("必須項目「施設名」に対応する列がありません");
        report.ShouldNotContain("取込を確定する");

        var recheck = await AppFactory.PostFormAsync(editor, upload.Headers.Location + "?handler=Recheck",
            new() { ["Columns[0]"] = "Code", ["Columns[1]"] = "Name", ["Columns[2]"] = "Latitude", ["Columns[3]"] = "Longitude" },
            formPage: upload.Headers.Location!.ToString());
        var checkedAgain = await FinishedAsync(editor, recheck.Headers.Location!.ToString());

        var status = Regex.Match(checkedAgain, "role=\"status\">([^<]*)<").Groups[1].Value;
        checkedAgain.ShouldContain("<td>2</td><td>緯度</td><td>94.8</td><td>緯度「94.8」が範囲外です（日本の範囲（北緯20〜46度））。</td>", customMessage: status);
    }

    [Fact]
    public async Task a_viewer_cannot_import_and_another_tenants_import_and_jobs_are_404()
    {
        var viewerPassword = await app.CreateUserAsync("viewer@yaizu.example.jp", "222127", TenantRole.Viewer);
        var viewer = await app.SignedInClientAsync("viewer@yaizu.example.jp", viewerPassword);
        (await viewer.GetAsync("/222127/import")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var upload = await UploadAsync(editor, "222127", "施設コード,施設名\nK1,中央公民館\n", "k.csv");
        var job = upload.Headers.Location!.ToString();
        var otherPassword = await app.CreateUserAsync("editor@fujieda.example.jp", "222143", TenantRole.Editor);
        var other = await app.SignedInClientAsync("editor@fujieda.example.jp", otherPassword);

        (await other.GetAsync("/222127/import")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync(job)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync(job.Replace("/222127/", "/222143/", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var id = job[(job.LastIndexOf('/') + 1)..];
        (await other.GetAsync($"/api/v1/222143/jobs/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task exports_download_the_register_in_csv_xlsx_and_the_open_data_format()
    {
        var upload = await UploadAsync(editor, "222127", "施設コード,施設名,よみ,住所,緯度,経度\nK1,=中央公民館,ちゅうおうこうみんかん,焼津市本町1,34.86,138.32\n", "k.csv");
        await FinishedAsync(editor, upload.Headers.Location!.ToString());
        var commit = await AppFactory.PostFormAsync(editor, upload.Headers.Location + "?handler=Commit", [], formPage: upload.Headers.Location!.ToString());
        await FinishedAsync(editor, commit.Headers.Location!.ToString());

        var csv = await editor.GetAsync("/222127/facilities/export?format=csv");
        var xlsx = await editor.GetAsync("/222127/facilities/export?format=xlsx");
        var open = await editor.GetAsync("/222127/facilities/export?format=opendata");
        var otherPassword = await app.CreateUserAsync("viewer@fujieda.example.jp", "222143", TenantRole.Viewer);
        var other = await app.SignedInClientAsync("viewer@fujieda.example.jp", otherPassword);

        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync()).ShouldContain("K1,'=中央公民館,ちゅうおうこうみんかん");
        (await xlsx.Content.ReadAsByteArrayAsync()).Take(2).ShouldBe("PK"u8.ToArray());
        (await open.Content.ReadAsStringAsync()).ShouldContain("222127,K1,静岡県,焼津市,'=中央公民館,チュウオウコウミンカン");
        (await editor.GetAsync("/222127/facilities/export?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await other.GetAsync("/222127/facilities/export?format=csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetStringAsync("/222143/facilities/export?format=csv")).ShouldNotContain("K1");
    }

    // Issue 16, item 8: staff CSV downloads opened garbled in Excel (UTF-8 without BOM by default).
    [Fact]
    public async Task staff_csv_downloads_are_utf8_with_a_bom_by_default_or_shift_jis_and_each_link_says_which()
    {
        var upload = await UploadAsync(editor, "222127", "施設コード,施設名\nK1,中央公民館\n", "k.csv");
        await FinishedAsync(editor, upload.Headers.Location!.ToString());
        var commit = await AppFactory.PostFormAsync(editor, upload.Headers.Location + "?handler=Commit", [], formPage: upload.Headers.Location!.ToString());
        await FinishedAsync(editor, commit.Headers.Location!.ToString());

        var utf8 = await editor.GetAsync("/222127/facilities/export?format=csv");
        var sjis = await editor.GetAsync("/222127/facilities/export?format=csv&encoding=shift_jis");
        var plain = await editor.GetByteArrayAsync("/222127/facilities/export?format=csv&bom=false");
        var table = await editor.GetByteArrayAsync("/222127/inspections/export?format=csv");
        var unknown = await editor.GetAsync("/222127/facilities/export?format=csv&encoding=ebcdic");
        var page = await editor.GetStringAsync("/222127/facilities");
        var inspections = await editor.GetStringAsync("/222127/inspections");

        (await utf8.Content.ReadAsByteArrayAsync()).Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        utf8.Content.Headers.ContentType!.CharSet.ShouldBe("utf-8");
        sjis.Content.Headers.ContentType!.CharSet.ShouldBe("shift_jis");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding.GetEncoding(932).GetString(await sjis.Content.ReadAsByteArrayAsync()).ShouldContain("K1,中央公民館");
        plain.Take(3).ShouldBe("施"u8.ToArray());
        table.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("文字コード「ebcdic」には対応していません（utf-8・shift_jis）");
        page.ShouldContain("CSV（施設台帳、UTF-8 BOM付き：Excelでそのまま開けます）");
        page.ShouldContain("CSV（施設台帳、Shift_JIS：表せない文字は〓）");
        page.ShouldContain("公共施設一覧（自治体標準オープンデータセット、CSV UTF-8 BOM付き）");
        inspections.ShouldContain(">CSV（UTF-8 BOM付き）</a>");
        inspections.ShouldContain("format=csv&amp;encoding=shift_jis\">CSV（Shift_JIS）</a>");
    }

    [Fact]
    public async Task the_register_downloads_as_it_stood_at_a_fiscal_year_end()
    {
        await using (var db = app.Database.Context("222127", "user:test"))
        {
            var now = DateTime.UtcNow;
            var hall = new Core.Register.Facility { TenantId = "222127", Code = "H1", Name = "旧公民館", YearBuilt = 1975 };
            (await Core.Register.FacilityRegister.SaveAsync(db, hall, true, new DateOnly(1975, 1, 1), null, now, default)).IsSuccess.ShouldBeTrue();
            var renamed = new Core.Register.Facility { TenantId = "222127", Code = "H1", Name = "新公民館", YearBuilt = 1975 };
            (await Core.Register.FacilityRegister.SaveAsync(db, renamed, false, new DateOnly(2022, 10, 1), "改称", now, default)).IsSuccess.ShouldBeTrue();
        }

        (await editor.GetStringAsync("/222127/facilities/export?format=csv&fy=2021")).ShouldContain("H1,旧公民館"); // 2022-03-31
        (await editor.GetStringAsync("/222127/facilities/export?format=csv&fy=2022")).ShouldContain("H1,新公民館"); // 2023-03-31
        (await editor.GetStringAsync("/222127/facilities/export?format=csv&fy=1970")).ShouldNotContain("H1");
        (await editor.GetStringAsync("/222127/facilities")).ShouldContain("年度末時点の台帳");
    }

    // Issue 16, item 4: the page shows every choice in force (a remembered prefix included) and the reason for each
    // column, and asks for an explicit confirmation before rows another file wrote are overwritten.
    [Fact]
    public async Task the_check_shows_the_choices_in_force_and_the_commit_needs_a_confirmation_to_overwrite_another_file_s_rows()
    {
        var first = await UploadAsync(editor, "222127", "ID,名称,住所\n1,石津浜公園,焼津市石津2420\n2,大井川河川敷公園,焼津市飯淵\n", "parks.csv",
            new() { ["CodePrefix"] = "Q-", ["DefaultKind"] = "Park" });
        await FinishedAsync(editor, first.Headers.Location!.ToString());
        var firstCommit = await AppFactory.PostFormAsync(editor, first.Headers.Location + "?handler=Commit", [], formPage: first.Headers.Location!.ToString());
        (await FinishedAsync(editor, firstCommit.Headers.Location!.ToString())).ShouldContain("取込を確定しました");

        var upload = await UploadAsync(editor, "222127", "ID,名称,住所\n1,港地域交流センター,焼津市石津港町40-1\n", "centres.csv", new() { ["DefaultKind"] = "Building" });
        var job = upload.Headers.Location!.ToString();
        var check = await FinishedAsync(editor, job);

        check.ShouldContain("<caption>この取込で使う設定（前回の対応付けから引き継いだものを含みます）</caption>");
        check.ShouldContain("<tr><th scope=\"row\">施設コードの接頭辞</th><td>「Q-」</td><td>前回確定した対応付け（");
        check.ShouldContain("見出し「名称」は施設名の呼び方「名称」と一致します。");
        check.ShouldContain("既存の 1 件の種別が変わります（公園→建物 1件）。 このファイルで取り込んでいない既存の 1 件を上書きします（公園：parks.csv 1件）。");
        check.ShouldContain("上書きを確認しました");

        var unconfirmed = await AppFactory.PostFormAsync(editor, job + "?handler=Commit", [], formPage: job);
        (await unconfirmed.Content.ReadAsStringAsync()).ShouldContain("「上書きを確認しました」にチェックを入れてください");
        await using (var db = app.Database.Context("222127"))
        {
            (await db.Facilities.SingleAsync(f => f.Code == "Q-1")).Name.ShouldBe("石津浜公園");
        }

        var confirmed = await AppFactory.PostFormAsync(editor, job + "?handler=Commit", new() { ["allowOverwrite"] = "true" }, formPage: job);
        (await FinishedAsync(editor, confirmed.Headers.Location!.ToString())).ShouldContain("取込を確定しました（追加 0、更新 1、変更なし 0）");
        await using var after = app.Database.Context("222127");
        (await after.Facilities.SingleAsync(f => f.Code == "Q-1")).Name.ShouldBe("港地域交流センター");
    }

    [Fact]
    public async Task a_recheck_can_clear_a_remembered_code_prefix()
    {
        var first = await UploadAsync(editor, "222127", "ID,名称\n1,石津浜公園\n", "parks.csv", new() { ["CodePrefix"] = "Q-" });
        await FinishedAsync(editor, first.Headers.Location!.ToString());
        var commit = await AppFactory.PostFormAsync(editor, first.Headers.Location + "?handler=Commit", [], formPage: first.Headers.Location!.ToString());
        await FinishedAsync(editor, commit.Headers.Location!.ToString());
        var upload = await UploadAsync(editor, "222127", "ID,名称\n1,港地域交流センター\n", "centres.csv");
        var job = upload.Headers.Location!.ToString();
        (await FinishedAsync(editor, job)).ShouldContain("<td>「Q-」</td>");

        var recheck = await AppFactory.PostFormAsync(editor, job + "?handler=Recheck",
            new() { ["Columns[0]"] = "Code", ["Columns[1]"] = "Name", ["codePrefix"] = "" }, formPage: job);
        var rechecked = await FinishedAsync(editor, recheck.Headers.Location!.ToString());

        rechecked.ShouldContain("<tr><th scope=\"row\">施設コードの接頭辞</th><td>なし</td>");
        rechecked.ShouldContain("<td>1</td><td>0</td><td>0</td><td>0</td>"); // a new row 1, not an update of Q-1
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
