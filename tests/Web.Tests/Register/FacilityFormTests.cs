using System.Net;
using AngleSharp.Html.Parser;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Register;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Register;

/// <summary>The facility forms of 焼津市: field errors, duplicates, deletion refusals, and who may post them.</summary>
public sealed class FacilityFormTests(FacilityFormTests.Seed seed) : IClassFixture<FacilityFormTests.Seed>, IAsyncLifetime
{
    private const string Yaizu = "222127";
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
            EditorClient = await app.SignedInClientAsync("editor@yaizu.example.jp", await app.CreateUserAsync("editor@yaizu.example.jp", Yaizu, TenantRole.Editor));
            ViewerClient = await app.SignedInClientAsync("viewer@yaizu.example.jp", await app.CreateUserAsync("viewer@yaizu.example.jp", Yaizu, TenantRole.Viewer));
            await using var db = app.Database.Context(Yaizu, actor: "test-setup");
            await RegisterSeed.SaveAsync(db, RegisterSeed.Facility(Yaizu, "B-001", "焼津市役所本庁舎", 34.86694444, 138.3230556), RegisterSeed.Facility(Yaizu, "B-002", "旧倉庫"));
            await RegisterSeed.SaveAsync(db, RegisterSeed.Asset(Yaizu, "10023-1", "本庁舎 建物", "B-001"), RegisterSeed.Asset(Yaizu, "10023-2", "本庁舎 空調設備", "B-001", 3_000_000m));
        }
    }

    [Fact]
    public async Task invalid_input_shows_each_error_on_its_field_and_writes_nothing()
    {
        var response = await AppFactory.PostFormAsync(editor, "/222127/facilities/new", RegisterSeed.FacilityForm(new()
        {
            ["Input.Code"] = "",
            ["Input.Name"] = "",
            ["Input.Latitude"] = "91",
            ["Input.Longitude"] = "138.3",
            ["Input.YearBuilt"] = "昭和",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var summary = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        summary.ShouldBe(["#Input_YearBuilt", "#Input_Code", "#Input_Name", "#Input_Latitude"], ignoreOrder: true);
        foreach (var field in new[] { "Code", "Name", "Latitude", "YearBuilt" })
        {
            var input = page.QuerySelector($"#Input_{field}")!;
            input.GetAttribute("aria-invalid").ShouldBe("true");
            input.GetAttribute("aria-describedby")!.Split(' ').ShouldContain($"Input_{field}_error");
            page.QuerySelector($"#Input_{field}_error").ShouldNotBeNull();
        }

        page.QuerySelector("#Input_YearBuilt_error")!.TextContent.ShouldContain("建築年「昭和」は年として読めません");
        page.QuerySelector("#Input_Latitude")!.GetAttribute("value").ShouldBe("91"); // what was typed stays
        await using var db = app.Database.Context(Yaizu);
        (await db.Facilities.CountAsync()).ShouldBe(2);
        (await db.RegisterVersions.CountAsync(v => v.EntryType == RegisterEntryType.Facility)).ShouldBe(0, "no version was archived by a change");
    }

    // The import's 和暦 reader (issue 21 item 7): 昭和55年 is 1980, 令和2年 is 2020 (令和元年 = 2019).
    [Theory]
    [InlineData("昭和55", 1980)]
    [InlineData("S55", 1980)]
    [InlineData("昭和５５年", 1980)]
    [InlineData("令和2年", 2020)]
    [InlineData("R2", 2020)]
    [InlineData("1980", 1980)]
    public async Task the_year_built_is_accepted_in_wareki_as_the_import_reads_it(string typed, int year)
    {
        var response = await AppFactory.PostFormAsync(editor, "/222127/facilities/B-002/edit", RegisterSeed.FacilityForm(new()
        {
            ["Input.Name"] = "旧倉庫", ["Input.YearBuilt"] = typed, ["Input.Reason"] = "和暦で入力",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.Database.Context(Yaizu);
        (await db.Facilities.SingleAsync(f => f.Code == "B-002")).YearBuilt.ShouldBe(year);
    }

    [Fact]
    public async Task a_wareki_year_outside_its_era_is_refused_naming_the_right_era()
    {
        var response = await AppFactory.PostFormAsync(editor, "/222127/facilities/B-002/edit", RegisterSeed.FacilityForm(new()
        {
            ["Input.Name"] = "旧倉庫", ["Input.YearBuilt"] = "平成32年", ["Input.Reason"] = "和暦で入力",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var error = page.QuerySelector("#Input_YearBuilt_error")!.TextContent;
        error.ShouldContain("建築年「平成32年」は年として読めません");
        error.ShouldContain("令和2年");
    }

    [Fact]
    public async Task width_and_diameter_are_saved_and_shown_on_the_page_the_form_and_the_history()
    {
        var response = await AppFactory.PostFormAsync(editor, "/222127/facilities/B-002/edit", RegisterSeed.FacilityForm(new()
        {
            ["Input.Name"] = "旧倉庫", ["Input.Width"] = "６．５", ["Input.Diameter"] = "1,000", ["Input.Reason"] = "測量",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = new HtmlParser().ParseDocument(await editor.GetStringAsync("/222127/facilities/B-002"));
        string Fact(string term) => page.QuerySelectorAll("dl.facts dt").Single(dt => dt.TextContent == term).NextElementSibling!.TextContent;
        (Fact("幅員（m）"), Fact("口径（mm）")).ShouldBe(("6.5", "1,000"));
        var newest = page.QuerySelector("table.history tbody tr")!.TextContent;
        newest.ShouldContain("幅員（m）: （空欄） → 6.5");
        newest.ShouldContain("口径（mm）: （空欄） → 1000");
        var form = new HtmlParser().ParseDocument(await editor.GetStringAsync("/222127/facilities/B-002/edit"));
        (form.QuerySelector("#Input_Width")!.GetAttribute("value"), form.QuerySelector("#Input_Diameter")!.GetAttribute("value")).ShouldBe(("6.5", "1000"));
        await using var db = app.Database.Context(Yaizu);
        var saved = await db.Facilities.SingleAsync(f => f.Code == "B-002");
        (saved.Width, saved.Diameter, saved.Version).ShouldBe((6.5m, 1000, 2));
    }

    [Fact]
    public async Task an_out_of_range_width_and_a_fractional_diameter_show_on_their_fields_and_write_nothing()
    {
        var response = await AppFactory.PostFormAsync(editor, "/222127/facilities/B-002/edit", RegisterSeed.FacilityForm(new()
        {
            ["Input.Name"] = "旧倉庫", ["Input.Width"] = "250", ["Input.Diameter"] = "12.5",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ShouldBe(["#Input_Width", "#Input_Diameter"], ignoreOrder: true);
        foreach (var field in new[] { "Width", "Diameter" })
        {
            var input = page.QuerySelector($"#Input_{field}")!;
            input.GetAttribute("aria-invalid").ShouldBe("true");
            input.GetAttribute("aria-describedby")!.Split(' ').ShouldContain($"Input_{field}_error");
        }

        page.QuerySelector("#Input_Width_error")!.TextContent.ShouldContain("幅員「250」が範囲外です（0mを超え200m以下）。");
        page.QuerySelector("#Input_Diameter_error")!.TextContent.ShouldContain("口径「12.5」は整数で入力してください。");
        page.QuerySelector("#Input_Width")!.GetAttribute("value").ShouldBe("250"); // what was typed stays
        await using var db = app.Database.Context(Yaizu);
        var unchanged = await db.Facilities.SingleAsync(f => f.Code == "B-002");
        (unchanged.Width, unchanged.Diameter, unchanged.Version).ShouldBe(((decimal?)null, (int?)null, 1));
    }

    [Fact]
    public async Task a_duplicate_code_is_refused_on_the_code_field()
    {
        var response = await AppFactory.PostFormAsync(editor, "/222127/facilities/new", RegisterSeed.FacilityForm(new() { ["Input.Code"] = "B-001", ["Input.Name"] = "別の施設" }));

        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Input_Code_error")!.TextContent.ShouldContain("施設コード「B-001」はすでに登録されています。");
        await using var db = app.Database.Context(Yaizu);
        (await db.Facilities.SingleAsync(f => f.Code == "B-001")).Name.ShouldBe("焼津市役所本庁舎");
    }

    [Fact]
    public async Task an_editor_creates_a_facility_and_lands_on_its_page()
    {
        var response = await AppFactory.PostFormAsync(editor, "/222127/facilities/new", RegisterSeed.FacilityForm(new()
        {
            ["Input.Code"] = "P-001", ["Input.Name"] = "焼津漁港公園", ["Input.Kind"] = "Park", ["Input.Quantity"] = "３２，５００",
            ["Input.QuantityKind"] = "Area", ["Input.YearBuilt"] = "1985",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/222127/facilities/P-001");
        var page = await editor.GetStringAsync("/222127/facilities/P-001");
        page.ShouldContain("施設「焼津漁港公園」を登録しました。");
        page.ShouldContain("32,500");
        await using var db = app.Database.Context(Yaizu);
        (await db.Facilities.SingleAsync(f => f.Code == "P-001")).Quantity.ShouldBe(32_500m);
    }

    [Fact]
    public async Task deleting_a_facility_with_assets_is_refused_on_the_page()
    {
        var response = await AppFactory.PostFormAsync(editor, "/222127/facilities/B-001/edit?handler=Delete", new() { ["deleteReason"] = "廃止" },
            formPage: "/222127/facilities/B-001/edit");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("資産が2件紐づいているため削除できません");
        await using var db = app.Database.Context(Yaizu);
        (await db.Facilities.CountAsync(f => f.Code == "B-001")).ShouldBe(1);
    }

    [Fact]
    public async Task deleting_a_facility_without_assets_keeps_its_history()
    {
        var response = await AppFactory.PostFormAsync(editor, "/222127/facilities/B-002/edit?handler=Delete", new() { ["deleteReason"] = "解体" },
            formPage: "/222127/facilities/B-002/edit");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await editor.GetAsync("/222127/facilities/B-002")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = app.Database.Context(Yaizu);
        (await db.RegisterVersions.SingleAsync(v => v.Key == "B-002" && v.Deleted)).Reason.ShouldBe("解体");
    }

    [Theory]
    [InlineData("/222127/facilities/new")]
    [InlineData("/222127/facilities/B-001/edit")]
    [InlineData("/222127/assets/new")]
    [InlineData("/222127/assets/10023-1/edit")]
    public async Task a_viewer_gets_403_on_the_forms_and_cannot_post_them(string path)
    {
        (await viewer.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A valid antiforgery token of the viewer (from the sign-in form): the role, not antiforgery, must refuse.
        var post = await AppFactory.PostFormAsync(viewer, path, RegisterSeed.FacilityForm(new() { ["Input.Code"] = "V-001", ["Input.Number"] = "V-001", ["Input.Name"] = "閲覧者の施設" }), formPage: "/account/login");
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await editor.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = app.Database.Context(Yaizu);
        (await db.Facilities.CountAsync(f => f.Name == "閲覧者の施設")).ShouldBe(0);
        (await db.FixedAssets.CountAsync(a => a.Name == "閲覧者の施設")).ShouldBe(0);
    }
}
