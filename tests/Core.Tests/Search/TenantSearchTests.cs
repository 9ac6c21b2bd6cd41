using InfraLedger.Core.Database;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Register;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Search;
using InfraLedger.Tests;

namespace InfraLedger.Core.Tests.Search;

/// <summary>
/// The search over facilities, fixed assets, inspections and reports, on the database of the round (SQLite FTS5 or
/// PostgreSQL pg_trgm): Japanese-aware matching, tenant isolation, and the index kept in step by edits and imports.
/// </summary>
public sealed class TenantSearchTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly From = new(2024, 4, 1);
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using (var db = database.Context(Yaizu))
        {
            await SaveAsync(db, new Facility { TenantId = Yaizu, Code = "FH-2", Name = "やいづ小学校", Kana = "やいづしょうがっこう", Address = "焼津市本町２丁目" });
            await SaveAsync(db, new Facility { TenantId = Yaizu, Code = "BR-10", Name = "大井川橋", Kind = AssetKind.Bridge, Address = "焼津市飯淵" });
            (await FixedAssets.SaveAsync(db, new FixedAsset { TenantId = Yaizu, Number = "10023-1", Name = "ＰＣ橋 上部工", Account = "工作物", FacilityCode = "BR-10" },
                true, From, null, Now, default)).IsSuccess.ShouldBeTrue();
            db.Inspections.Add(new Inspection { TenantId = Yaizu, Id = 1, FacilityCode = "BR-10", Member = "主桁", Scheme = "road-bridge", Grade = 3, InspectedOn = new(2024, 7, 1), Findings = "ひびわれ が 多数" });
            db.ReportServices.Add(new ReportService { TenantId = Yaizu, Code = "road", Name = "道路の損傷", Section = "道路課" });
            await db.SaveChangesAsync();
            db.ResidentReports.Add(new ResidentReport { TenantId = Yaizu, Id = 501, Token = "t501", ServiceCode = "road", Channel = "web", Section = "道路課", Description = "ガードレールがこわれています", Address = "焼津市本町" });
            await db.SaveChangesAsync();
        }

        await using var other = database.Context(Fujieda);
        await SaveAsync(other, new Facility { TenantId = Fujieda, Code = "FH-2", Name = "ふじえだ小学校", Kana = "ふじえだしょうがっこう", Address = "藤枝市" });
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("ヤイヅ")]            // katakana query, hiragana name
    [InlineData("ｼｮｳｶﾞｯｺｳ")]          // half-width kana query, hiragana よみ
    [InlineData("本町2丁目")]          // ASCII digit query, full-width digit in the address
    [InlineData("fh-2")]              // lower case query, upper case code
    [InlineData("小学校 焼津")]        // every term must occur
    public async Task finds_a_facility_however_the_query_is_written(string query)
    {
        var found = await SearchAsync(Yaizu, query);

        found[SearchKind.Facility].ShouldBe(["FH-2"]);
    }

    [Fact]
    public async Task finds_assets_inspections_and_reports()
    {
        (await SearchAsync(Yaizu, "pc橋"))[SearchKind.Asset].ShouldBe(["10023-1"]);
        (await SearchAsync(Yaizu, "ヒビワレ"))[SearchKind.Inspection].ShouldBe(["BR-10"]);
        (await SearchAsync(Yaizu, "コワレテ"))[SearchKind.Report].ShouldBe(["501"]);
        (await SearchAsync(Yaizu, "501"))[SearchKind.Report].ShouldBe(["501"]);
    }

    [Fact]
    public async Task another_tenants_rows_are_never_found()
    {
        (await SearchAsync(Yaizu, "小学校"))[SearchKind.Facility].ShouldBe(["FH-2"]);
        (await SearchAsync(Yaizu, "フジエダ")).Values.ShouldAllBe(keys => keys.Count == 0);
        (await SearchAsync(Fujieda, "ガードレール")).Values.ShouldAllBe(keys => keys.Count == 0);
        (await SearchAsync(Fujieda, "小学校"))[SearchKind.Facility].ShouldBe(["FH-2"]);
    }

    [Theory]
    [InlineData("橋")]        // one character: no trigram, matched by a scan
    [InlineData("大井")]
    public async Task short_queries_are_matched_without_the_index(string query)
    {
        await using var db = database.Context(Yaizu);
        var outcome = await TenantSearch.SearchAsync(db, query, null, 1, 20, default);

        outcome.Indexed.ShouldBeFalse();
        outcome.Groups.Single(g => g.Kind == SearchKind.Facility).Hits.Select(h => h.Key).ShouldBe(["BR-10"]);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"OR\" NEAR(")]
    [InlineData("%_\\")]
    [InlineData("*")]
    [InlineData("'; DROP TABLE facilities; --")]
    [InlineData("\u0000\u200b")]
    [InlineData("   ")]
    public async Task any_text_is_a_query(string query)
    {
        await using var db = database.Context(Yaizu);
        var outcome = await TenantSearch.SearchAsync(db, query + new string('x', 300), null, 1, 20, default);

        outcome.Groups.SelectMany(g => g.Hits).ShouldBeEmpty();
    }

    [Fact]
    public async Task edits_deletions_and_imports_keep_the_index_in_step()
    {
        await using (var db = database.Context(Yaizu))
        {
            var school = (await FacilityRegister.FindAsync(db, "FH-2", default))!;
            var renamed = new Facility { TenantId = Yaizu, Code = "FH-2", Name = "みなと学園", Address = school.Address };
            (await FacilityRegister.SaveAsync(db, renamed, false, From, "改称", Now, default)).IsSuccess.ShouldBeTrue();
            var file = "施設コード,施設名,所在地\nIM-1,さくら公民館,焼津市三ケ名\n";
            var report = await Core.Register.Import.RegisterImport.RunAsync(db, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(file)), "import.csv",
                new Core.Register.Import.RegisterImport.Options(Core.Register.Import.ImportTarget.Facilities, Commit: true), null, Now, default);
            report.Value.Committed.ShouldBeTrue(string.Join(" / ", report.Value.Problems));
        }

        (await SearchAsync(Yaizu, "ヤイヅ小"))[SearchKind.Facility].ShouldBeEmpty();
        (await SearchAsync(Yaizu, "ミナト学園"))[SearchKind.Facility].ShouldBe(["FH-2"]);
        (await SearchAsync(Yaizu, "サクラ公民館"))[SearchKind.Facility].ShouldBe(["IM-1"]);

        await using (var db = database.Context(Yaizu))
        {
            (await FacilityRegister.DeleteAsync(db, "IM-1", From, "廃止", Now, default)).IsSuccess.ShouldBeTrue();
        }

        (await SearchAsync(Yaizu, "サクラ公民館"))[SearchKind.Facility].ShouldBeEmpty();
    }

    private async Task<Dictionary<SearchKind, List<string>>> SearchAsync(string tenant, string query)
    {
        await using var db = database.Context(tenant);
        var outcome = await TenantSearch.SearchAsync(db, query, null, 1, 20, default);
        return outcome.Groups.ToDictionary(g => g.Kind, g => g.Hits.Select(h => h.Key).ToList());
    }

    private static async Task SaveAsync(AppDbContext db, Facility facility) =>
        (await FacilityRegister.SaveAsync(db, facility, true, From, null, Now, default)).IsSuccess.ShouldBeTrue();
}
