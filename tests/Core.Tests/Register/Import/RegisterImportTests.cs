using System.Text;
using InfraLedger.Core.Register;
using InfraLedger.Core.Register.Import;
using InfraLedger.Core.Tests.Tenancy;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Register.Import;

public sealed class RegisterImportTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    internal static string YaizuFile(string file) =>
        Path.Combine(LocalGovernmentCodeTests.RepositoryRoot(), "..", "shared", "data", "facilities", "yaizu", file);

    private async Task<RegisterImport.Outcome> ImportAsync(string tenant, Stream file, string name, RegisterImport.Options options, CancellationToken ct = default)
    {
        await using var db = database.Context(tenant, "user:importer");
        var result = await RegisterImport.RunAsync(db, file, name, options, null, Now, ct);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value;
    }

    private Task<RegisterImport.Outcome> ImportTextAsync(string text, string name, RegisterImport.Options options, string tenant = Yaizu) =>
        ImportAsync(tenant, new MemoryStream(Encoding.UTF8.GetBytes(text)), name, options);

    private static RegisterImport.Options Commit(ImportTarget target = ImportTarget.Facilities, string? prefix = null, AssetKind? kind = null) =>
        new(target, Commit: true, CodePrefix: prefix, DefaultKind: kind);

    [Fact]
    public async Task the_parks_of_yaizu_import_with_their_area_and_year_opened()
    {
        await using var file = File.OpenRead(YaizuFile("222127_park_info.csv"));

        var report = await ImportAsync(Yaizu, file, "222127_park_info.csv", Commit(prefix: "P-", kind: AssetKind.Park));

        report.ProblemCount.ShouldBe(0, string.Join("\n", report.Problems));
        report.Committed.ShouldBeTrue();
        report.Added.ShouldBe(142);
        await using var db = database.Context(Yaizu);
        var park = await db.Facilities.SingleAsync(f => f.Code == "P-1");
        park.Name.ShouldBe("石津浜公園");
        park.Kind.ShouldBe(AssetKind.Park);
        park.Quantity.ShouldBe(32500m); // "32,500 " in the file
        park.QuantityKind.ShouldBe(QuantityKind.Area);
        park.YearBuilt.ShouldBe(1961);
        park.Latitude.ShouldBe(34.842499);
        park.Version.ShouldBe(1);
        park.ChangeReason.ShouldBe("取込: 222127_park_info.csv");
        // New rows are written in bulk and are their own first versions; the import is one chained audit event that
        // names the file by its SHA-256 and the rows it added.
        (await db.RegisterVersions.CountAsync()).ShouldBe(0);
        (await Core.Audit.AuditTrail.VerifyAsync(db, default)).FirstBreak.ShouldBeNull();
        var audited = await db.AuditEvents.SingleAsync(e => e.EntityType == "Facility");
        (audited.Action, audited.EntityKey, audited.Actor).ShouldBe(("Imported", "222127_park_info.csv", "user:importer"));
        var summary = System.Text.Json.JsonDocument.Parse(audited.After!).RootElement;
        summary.GetProperty("Sha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(YaizuFile("222127_park_info.csv")))));
        summary.GetProperty("Added").GetInt64().ShouldBe(142);
        summary.GetProperty("FirstAdded").GetString().ShouldBe("P-1");
        summary.GetProperty("LastAdded").GetString().ShouldBe("P-40001");
    }

    [Fact]
    public async Task importing_the_same_file_again_changes_nothing()
    {
        await using (var first = File.OpenRead(YaizuFile("222127_elementary_school.csv")))
        {
            (await ImportAsync(Yaizu, first, "222127_elementary_school.csv", Commit())).Added.ShouldBe(13);
        }

        await using var db = database.Context(Yaizu);
        var events = await db.AuditEvents.CountAsync();
        var versions = await db.RegisterVersions.CountAsync();
        await using var again = File.OpenRead(YaizuFile("222127_elementary_school.csv"));

        var report = await ImportAsync(Yaizu, again, "222127_elementary_school.csv", Commit());

        (report.Added, report.Updated, report.Unchanged).ShouldBe((0L, 0L, 13L));
        (await db.AuditEvents.CountAsync()).ShouldBe(events + 0, "only the remembered mapping may be written, and it is unchanged");
        (await db.RegisterVersions.CountAsync()).ShouldBe(versions);
    }

    [Fact]
    public async Task a_changed_row_updates_by_code_and_is_kept_in_history()
    {
        const string header = "施設コード,施設名,延床面積（㎡）,建築年\n";
        await ImportTextAsync(header + "A1,中央公民館,1200,昭和50年\nA2,北公民館,800,1980\n", "kominkan.csv", Commit());

        // Another file updating rows kominkan.csv wrote: confirmed, as the page and --allow-overwrite do (ADR 0021).
        var report = await ImportTextAsync(header + "A1,中央公民館,1350,昭和50年\nA2,北公民館,800,1980\n", "kominkan-r6.csv",
            Commit() with { ValidFrom = new DateOnly(2024, 10, 1), AllowOverwrite = true });

        (report.Added, report.Updated, report.Unchanged).ShouldBe((0L, 1L, 1L));
        await using var db = database.Context(Yaizu);
        (await db.Facilities.SingleAsync(f => f.Code == "A1")).Quantity.ShouldBe(1350m);
        var history = await RegisterHistory.OfAsync(db, RegisterEntryType.Facility, "A1", default);
        history.Select(v => (v.Version, v.Reason, v.ValidFrom)).ShouldBe(
            [(2, "取込: kominkan-r6.csv", new DateOnly(2024, 10, 1)), (1, "取込: kominkan.csv", new DateOnly(1975, 1, 1))]);
    }

    [Fact]
    public async Task new_and_changed_rows_in_one_file_keep_one_unbroken_audit_chain()
    {
        const string header = "施設コード,施設名\n";
        await ImportTextAsync(header + "A1,中央公民館\nA2,北公民館\n", "a.csv", Commit());

        var report = await ImportTextAsync(header + "A1,中央公民館（改称）\nA2,北公民館\nA3,南公民館\n", "b.csv", Commit() with { AllowOverwrite = true });
        await ImportTextAsync(header + "A4,西公民館\n", "c.csv", Commit());

        (report.Added, report.Updated, report.Unchanged).ShouldBe((1L, 1L, 1L));
        await using var db = database.Context(Yaizu);
        var check = await Core.Audit.AuditTrail.VerifyAsync(db, default);
        check.IsIntact.ShouldBeTrue(string.Join("\n", check.Findings));
        // One event per import, for the rows it added and the rows it changed alike: b.csv's covers A3 and A1's version 2.
        (await db.AuditEvents.Where(e => e.EntityType == "Facility").OrderBy(e => e.Sequence).Select(e => e.EntityKey + ":" + e.Action + ":" + e.RowCount).ToListAsync())
            .ShouldBe(["a.csv:Imported:2", "b.csv:Imported:2", "c.csv:Imported:1"]);
    }

    [Fact]
    public async Task a_file_with_problems_writes_nothing_and_locates_every_problem()
    {
        var text = "施設コード,施設名,緯度,経度,建築年\nB1,図書館,34.86,138.32,2001\nB2,体育館,99.1,138.32,1999\nB1,別館,34.86,138.32,令和9年13月\n";

        var report = await ImportTextAsync(text, "bad.csv", Commit());

        report.Committed.ShouldBeFalse();
        report.Problems.Select(p => (p.At.Row, p.At.Column, p.Value)).ShouldBe(
        [
            (3, "緯度", "99.1"),
            (4, "建築年", "令和9年13月"),
        ], ignoreOrder: true);
        report.Problems.Single(p => p.At.Row == 3).Reason.ShouldContain("緯度「99.1」が範囲外です");
        report.Problems.Single(p => p.At.Row == 3).ToString().ShouldStartWith("bad.csv 3行目「緯度」列");
        await using var db = database.Context(Yaizu);
        (await db.Facilities.CountAsync()).ShouldBe(0);
        (await db.RegisterVersions.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("幅員（m）", "口径（mm）")]
    [InlineData("平均幅員", "管径")]
    [InlineData("有効幅員", "呼び径")]
    [InlineData("全幅員", "管径（mm）")]
    public async Task widths_and_diameters_are_read_under_the_headers_municipalities_use(string width, string diameter)
    {
        var text = $"施設コード,施設名,資産種別,延長（m）,{width},{diameter}\n" +
            "R1,市道1号線,道路,\"1,250\",６．５,\n" +
            "W1,配水管 第1区間,上水道管,800,,150\n";

        var report = await ImportTextAsync(text, "linear.csv", Commit());

        report.ProblemCount.ShouldBe(0, string.Join("\n", report.Problems));
        await using var db = database.Context(Yaizu);
        var road = await db.Facilities.SingleAsync(f => f.Code == "R1");
        (road.Kind, road.Quantity, road.Width, road.Diameter).ShouldBe((AssetKind.Road, 1250m, 6.5m, (int?)null));
        var pipe = await db.Facilities.SingleAsync(f => f.Code == "W1");
        (pipe.Kind, pipe.Width, pipe.Diameter).ShouldBe((AssetKind.WaterPipe, (decimal?)null, 150));
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("-3")]
    public async Task a_diameter_that_is_not_a_whole_number_of_mm_is_a_located_problem_and_nothing_is_written(string diameter)
    {
        var text = $"施設コード,施設名,延長（m）,口径\nW1,配水管 第1区間,800,150\nW2,配水管 第2区間,600,{diameter}\n";

        var report = await ImportTextAsync(text, "pipes.csv", Commit(kind: AssetKind.WaterPipe));

        report.Committed.ShouldBeFalse();
        var problem = report.Problems.ShouldHaveSingleItem();
        (problem.At.Row, problem.At.Column, problem.Value).ShouldBe((3, "口径", diameter));
        problem.ToString().ShouldStartWith("pipes.csv 3行目「口径」列");
        problem.Reason.ShouldBe($"「{diameter}」は0以上の整数として読めません（小数や負の数は使えません）。");
        await using var db = database.Context(Yaizu);
        (await db.Facilities.CountAsync()).ShouldBe(0);
        (await db.RegisterVersions.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_duplicate_code_in_the_file_is_a_problem_naming_the_first_row()
    {
        var report = await ImportTextAsync("施設コード,施設名\nC1,市民会館\nC2,文化センター\nC1,市民会館別館\n", "dup.csv", Commit());

        var problem = report.Problems.Single();
        problem.At.Row.ShouldBe(4);
        problem.Reason.ShouldBe("施設コード「C1」がファイル内で重複しています（最初は2行目）。");
        report.Committed.ShouldBeFalse();
    }

    [Fact]
    public async Task a_cancelled_import_leaves_no_row_behind()
    {
        var text = new StringBuilder("施設コード,施設名,延長（m）\n");
        for (var i = 0; i < RegisterImport.BatchSize * 3; i++)
        {
            text.Append(RoadCode(i)).Append(",市道").Append(i).Append("号線,").Append(100 + i).Append('\n');
        }

        using var cancel = new CancellationTokenSource();
        await using var db = database.Context(Yaizu);
        var progress = new SyncProgress(p =>
        {
            if (p.Rows >= RegisterImport.BatchSize * 2)
            {
                cancel.Cancel(); // after two batches were saved inside the transaction
            }
        });

        await Should.ThrowAsync<OperationCanceledException>(() => RegisterImport.RunAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())),
            "roads.csv", Commit(kind: AssetKind.Road), progress, Now, cancel.Token));

        await using var check = database.Context(Yaizu);
        (await check.Facilities.CountAsync()).ShouldBe(0);
        (await check.RegisterVersions.CountAsync()).ShouldBe(0);
        (await check.AuditEvents.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task assets_link_to_facilities_and_an_unknown_facility_is_a_problem()
    {
        await ImportTextAsync("施設コード,施設名,延床面積（㎡）\nS1,焼津小学校,5200\n", "schools.csv", Commit());
        var assets = "資産番号,施設コード,件名,勘定科目,取得年月日,取得価額（千円）,耐用年数\n" +
            "10001,S1,焼津小学校 校舎,建物,S50.4.1,\"812,000\",47\n" +
            "10002,S9,幽霊校舎,建物,平成元年4月1日,1000,47\n";

        var report = await ImportTextAsync(assets, "assets.csv", Commit(ImportTarget.Assets));

        var problem = report.Problems.Single();
        (problem.At.Row, problem.At.Column, problem.Value).ShouldBe((3, "施設コード", "S9"));
        report.Committed.ShouldBeFalse();

        var fixedReport = await ImportTextAsync(assets.Replace(",S9,", ",S1,", StringComparison.Ordinal), "assets.csv", Commit(ImportTarget.Assets));
        fixedReport.Committed.ShouldBeTrue();
        await using var db = database.Context(Yaizu);
        var school = await db.FixedAssets.SingleAsync(a => a.Number == "10001");
        school.AcquisitionCost.ShouldBe(812_000_000m); // 千円 in the header
        school.AcquisitionDate.ShouldBe(new DateOnly(1975, 4, 1));
        school.FacilityCode.ShouldBe("S1");
    }

    [Fact]
    public async Task data_of_another_municipality_is_refused()
    {
        await using var file = File.OpenRead(YaizuFile("222127_library.csv"));

        var report = await ImportAsync("222143", file, "222127_library.csv", Commit());

        report.ProblemCount.ShouldBe(11);
        report.Problems[0].Reason.ShouldBe("団体コード「222127」のデータです。取込先の団体（222143）のデータではありません。");
        report.Problems[0].At.Column.ShouldBe("都道府県コード又は市区町村コード");
    }

    [Fact]
    public async Task a_file_without_an_identifier_column_gets_codes_made_from_its_rows_and_says_so()
    {
        var report = await ImportTextAsync("名称,住所\n市民会館,焼津市本町\n", "nocode.csv", Commit());

        (report.Rows, report.Added, report.Committed).ShouldBe((1L, 1L, true));
        report.InForce.ShouldContain(c => c.What == "施設コード" && c.Origin == "施設コードの列がないため");
    }

    [Fact]
    public async Task a_confirmed_mapping_is_remembered_for_the_same_layout()
    {
        const string text = "管理記号,呼称\nD1,中央図書館\n";
        var suggested = await ImportTextAsync(text, "lib.csv", new RegisterImport.Options(ImportTarget.Facilities, Commit: false));
        suggested.Problems.ShouldNotBeEmpty(); // neither header is a known name

        var mapping = new ColumnMapping(ImportTarget.Facilities, new Dictionary<string, int> { ["Code"] = 0, ["Name"] = 1 });
        (await ImportTextAsync(text, "lib.csv", Commit() with { Mapping = mapping })).Committed.ShouldBeTrue();

        var again = await ImportTextAsync("管理記号,呼称\nD2,北図書館\n", "lib2.csv", Commit());
        again.Committed.ShouldBeTrue();
        again.Added.ShouldBe(1);
    }

    private static string RoadCode(int i) => "R" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed class SyncProgress(Action<RegisterImport.Progress> report) : IProgress<RegisterImport.Progress>
    {
        public void Report(RegisterImport.Progress value) => report(value);
    }
}
