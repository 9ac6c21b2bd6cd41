using System.Text;
using InfraLedger.Core.Register;
using InfraLedger.Core.Register.Import;
using InfraLedger.Core.Tests.Tables;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Register.Import;

/// <summary>Issue 16: real files import on the first try, with every choice in force shown.</summary>
public sealed class DefaultMappingTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<RegisterImport.Outcome> ImportAsync(Stream file, string name, RegisterImport.Options options, string tenant = Yaizu)
    {
        await using var db = database.Context(tenant, "user:importer");
        var result = await RegisterImport.RunAsync(db, file, name, options, null, Now, default);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value;
    }

    private Task<RegisterImport.Outcome> ImportTextAsync(string text, string name, RegisterImport.Options options) =>
        ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, options);

    private static RegisterImport.Options Check(ImportTarget target = ImportTarget.Facilities) => new(target, Commit: false);

    private static RegisterImport.Options Commit(ImportTarget target = ImportTarget.Facilities) => new(target, Commit: true);

    // Checked by: each of the 18 files imports, dry run and commit, into an empty tenant with no option at all.
    [Theory]
    [MemberData(nameof(YaizuFilesTests.Files), MemberType = typeof(YaizuFilesTests))]
    public async Task every_yaizu_file_imports_into_an_empty_tenant_with_no_option(string file, int rows)
    {
        var dryRun = await ImportAsync(File.OpenRead(YaizuFilesTests.Path(file)), file, Check());
        var commit = await ImportAsync(File.OpenRead(YaizuFilesTests.Path(file)), file, Commit());

        dryRun.ProblemCount.ShouldBe(0, string.Join("\n", dryRun.Problems.Take(5)));
        (dryRun.Rows, dryRun.Added, dryRun.Committed).ShouldBe((rows, rows, false));
        (commit.Rows, commit.Added, commit.Committed).ShouldBe((rows, rows, true));
        await using var db = database.Context(Yaizu);
        (await db.Facilities.CountAsync()).ShouldBe(rows);
    }

    [Fact]
    public async Task the_hydrant_list_without_names_gets_them_from_kind_and_address_and_its_dataset_s_prefix()
    {
        // What was seen: 「必須項目「施設名」に対応する列がありません」 and 「データ 0 行」 for this 自治体標準オープンデータセット file.
        const string file = "222127_fire_hydrant.csv";

        var report = await ImportAsync(File.OpenRead(YaizuFilesTests.Path(file)), file, Commit());

        report.Committed.ShouldBeTrue();
        report.InForce.ShouldContain(new RegisterImport.Choice("標準データセット", "消防水利施設一覧", "見出しの組み合わせから判定"));
        report.InForce.ShouldContain(c => c.What == "施設コードの接頭辞" && c.Value == "「消防水利-」" && c.Origin.StartsWith("標準データセット「消防水利施設一覧」の既定"));
        report.InForce.ShouldContain(new RegisterImport.Choice("施設名", "種別＋（所在地）から作ります", "名称の列がないため"));
        await using var db = database.Context(Yaizu);
        var first = await db.Facilities.SingleAsync(f => f.Code == "消防水利-1");
        // Row 2 of the file: 222127,1,静岡県焼津市,防火水そう,…,静岡県焼津市石津728番地2,… ,34.843137,138.308824
        (first.Name, first.UsageMinor, first.Address, first.Kind).ShouldBe(("防火水そう（石津728番地2）", "防火水そう", "静岡県焼津市石津728番地2", AssetKind.Other));
    }

    [Fact]
    public async Task a_file_without_code_and_name_columns_gets_stable_codes_and_importing_it_again_changes_nothing()
    {
        const string text = "種別,所在地,緯度,経度\n防火水そう,焼津市石津728-2,34.843137,138.308824\n消火栓,焼津市本町1-1,34.86,138.32\n消火栓,焼津市本町1-1,34.86,138.32\n";

        var first = await ImportTextAsync(text, "suiri.csv", Commit());
        var again = await ImportTextAsync(text, "suiri.csv", Commit());

        (first.Added, first.Committed).ShouldBe((3L, true));
        first.InForce.ShouldContain(new RegisterImport.Choice("施設コード", "各行の内容（用途分類（中分類）・所在地・緯度・経度）から作ります（同じ行には毎回同じコード）", "施設コードの列がないため"));
        (again.Added, again.Updated, again.Unchanged).ShouldBe((0L, 0L, 3L));
        await using var db = database.Context(Yaizu);
        var codes = await db.Facilities.OrderBy(f => f.Name).Select(f => new { f.Code, f.Name }).ToListAsync();
        codes.Select(c => c.Name).ShouldBe(["消火栓（本町1-1）", "消火栓（本町1-1）", "防火水そう（石津728-2）"]);
        codes.ShouldAllBe(c => System.Text.RegularExpressions.Regex.IsMatch(c.Code, "^[0-9A-HJKMNP-TV-Z]{10}(-2)?$"));
        codes.Count(c => c.Code.EndsWith("-2", StringComparison.Ordinal)).ShouldBe(1, "the second identical row is told apart by its place in the file");
    }

    [Fact]
    public async Task a_dry_run_with_a_required_column_missing_still_counts_and_checks_every_row()
    {
        var report = await ImportTextAsync("件名,取得価額,取得年月日\n校舎,\"812,000\",S50.4.1\n体育館,abc,H2.4.1\n", "assets.csv", Commit(ImportTarget.Assets));

        report.Rows.ShouldBe(2);
        report.Committed.ShouldBeFalse();
        report.Problems.Select(p => (p.At.Row, p.At.Column, p.Reason)).ShouldBe(
        [
            (1, null, "必須項目「資産番号」に対応する列がありません。列の対応付けで選んでください（画面の「列の対応付け」、コマンドでは --map 列名=資産番号 または --mapping）。"),
            (1, null, "必須項目「勘定科目」に対応する列がありません。列の対応付けで選んでください（画面の「列の対応付け」、コマンドでは --map 列名=勘定科目 または --mapping）。"),
            (3, "取得価額", "「abc」は数値として読めません。単位や注記は見出しか別の列に書いてください。"),
        ]);
        await using var db = database.Context(Yaizu);
        (await db.FixedAssets.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task columns_are_mapped_by_header_and_field_given_as_changes_over_the_suggestion()
    {
        const string text = "管理記号,呼称,電話\nD1,中央図書館,054-623-2554\n";

        var mapped = await ImportTextAsync(text, "lib.csv", Commit() with { Overrides = [("管理記号", "施設コード"), ("呼称", "Name"), ("列3", "-")] });
        var unknownColumn = await RunAsync(text, Commit() with { Overrides = [("管理番号", "Code")] });
        var unknownField = await RunAsync(text, Commit() with { Overrides = [("管理記号", "電話番号")] });

        mapped.Committed.ShouldBeTrue();
        mapped.InForce[0].ShouldBe(new RegisterImport.Choice("列の対応付け", "2 列", "見出しから推定に --map の変更"));
        unknownColumn.Error!.Message.ShouldBe("列「管理番号」はファイルにありません（列: 管理記号、呼称、電話）。");
        unknownField.Error!.Message.ShouldStartWith("項目「電話番号」はありません（Code（施設コード）、Name（施設名）");
    }

    [Fact]
    public async Task a_remembered_mapping_is_the_tenant_s_own_and_is_said_to_be_remembered()
    {
        const string text = "管理記号,呼称\nD1,中央図書館\n";
        var mapping = new ColumnMapping(ImportTarget.Facilities, new Dictionary<string, int> { ["Code"] = 0, ["Name"] = 1 }, "L-");
        (await ImportTextAsync(text, "lib.csv", Commit() with { Mapping = mapping })).Committed.ShouldBeTrue();

        var again = await ImportTextAsync("管理記号,呼称\nD2,北図書館\n", "lib2.csv", Check());
        await using var other = database.Context("222143");
        var elsewhere = (await RegisterImport.RunAsync(other, new MemoryStream(Encoding.UTF8.GetBytes(text)), "lib.csv", Check(), null, Now, default)).Value;

        again.InForce.ShouldContain(c => c.What == "列の対応付け" && c.Origin.StartsWith("前回確定した対応付け（2026-11-22"));
        again.InForce.ShouldContain(c => c.What == "施設コードの接頭辞" && c.Value == "「L-」" && c.Origin.StartsWith("前回確定した対応付け"));
        again.Notes.Single(n => n.Column == 0).Reason.ShouldStartWith("前回確定した対応付け");
        elsewhere.InForce[0].Origin.ShouldBe("見出しから推定");
        elsewhere.Mapping.CodePrefix.ShouldBeNull();
    }

    private async Task<Common.Result<RegisterImport.Outcome>> RunAsync(string text, RegisterImport.Options options)
    {
        await using var db = database.Context(Yaizu);
        return await RegisterImport.RunAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(text)), "x.csv", options, null, Now, default);
    }
}
