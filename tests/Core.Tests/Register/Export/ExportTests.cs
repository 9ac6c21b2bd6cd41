using System.Text;
using InfraLedger.Core.Register;
using InfraLedger.Core.Register.DemoData;
using InfraLedger.Core.Register.Export;
using InfraLedger.Core.Register.Import;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Register.Export;

public sealed class ExportTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Empty = "222143";
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.Context(Yaizu);
        (await DemoRegister.SeedAsync(db, Now, default)).ShouldNotBeNull();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+81-54-000", "'+81-54-000")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("焼津市役所", "焼津市役所")]
    public void text_that_a_spreadsheet_would_run_is_neutralised_and_restored_on_import(string text, string exported)
    {
        SafeCell.Text(text).ShouldBe(exported);
        SafeCell.Unescape(exported).ShouldBe(text);
    }

    [Fact]
    public async Task csv_cells_are_quoted_and_formulas_neutralised()
    {
        var facility = new Facility { TenantId = Yaizu, Code = "X1", Name = "=cmd|' /C calc'!A0", Address = "焼津市本町2丁目16-32, 3階", Note = "改行\nあり" };
        using var output = new MemoryStream();

        await CsvExport.WriteAsync(new[] { facility }.ToAsyncEnumerable(), ExportColumns.Facility, output, bom: true, default);

        var bytes = output.ToArray();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.ShouldStartWith("施設コード,施設名,よみ,用途分類（大分類）,用途分類（中分類）,資産種別,所在地,緯度,経度,延床面積（㎡）,延長（m）,面積（㎡）,建築年,構造,幅員（m）,口径（mm）,状態");
        text.ShouldContain(",'=cmd|' /C calc'!A0,");
        text.ShouldContain("\"焼津市本町2丁目16-32, 3階\"");
        text.ShouldContain("\"改行\nあり\"");
    }

    [Fact]
    public async Task the_facility_export_has_width_in_m_and_diameter_in_mm_beside_the_structure()
    {
        var road = new Facility { TenantId = Yaizu, Code = "R1", Name = "市道1号線", Kind = AssetKind.Road, Quantity = 1250m, QuantityKind = QuantityKind.Length, Width = 6.5m };
        var pipe = new Facility { TenantId = Yaizu, Code = "S1", Name = "下水管きょ 第1区間", Kind = AssetKind.SewerPipe, Structure = "ヒューム管", Diameter = 600 };
        using var output = new MemoryStream();

        await CsvExport.WriteAsync(new[] { road, pipe }.ToAsyncEnumerable(), ExportColumns.Facility, output, bom: false, default);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        var structure = Array.IndexOf(lines[0], "構造");
        lines.Select(l => string.Join(',', l[structure..(structure + 3)])).ShouldBe(["構造,幅員（m）,口径（mm）", ",6.5,", "ヒューム管,,600"]);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task export_then_import_into_an_empty_tenant_gives_the_same_register(string format)
    {
        await using var source = database.Context(Yaizu);
        // The sample register gives roads and bridges a 幅員 and pipes a 口径: the round trip must carry them.
        (await source.Facilities.CountAsync(f => f.Width != null)).ShouldBe(160);
        (await source.Facilities.CountAsync(f => f.Diameter != null)).ShouldBe(80);
        var facilities = await Export(source.Facilities.AsNoTracking().OrderBy(f => f.Code).AsAsyncEnumerable(), ExportColumns.Facility, format);
        var assets = await Export(source.FixedAssets.AsNoTracking().OrderBy(a => a.Number).AsAsyncEnumerable(), ExportColumns.Asset, format);

        await using (var target = database.Context(Empty, "user:importer"))
        {
            foreach (var (file, kind) in new[] { (facilities, ImportTarget.Facilities), (assets, ImportTarget.Assets) })
            {
                var result = await RegisterImport.RunAsync(target, new MemoryStream(file), "register." + format, new RegisterImport.Options(kind, Commit: true), null, Now, default);
                result.Value.ProblemCount.ShouldBe(0, string.Join("\n", result.Value.Problems.Take(5)));
            }
        }

        await using var copy = database.Context(Empty);
        Contents(await copy.Facilities.AsNoTracking().ToListAsync()).ShouldBe(Contents(await source.Facilities.AsNoTracking().ToListAsync()));
        Contents(await copy.FixedAssets.AsNoTracking().ToListAsync()).ShouldBe(Contents(await source.FixedAssets.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task the_public_facility_list_has_the_24_standard_columns_and_katakana_readings()
    {
        await using var db = database.Context(Yaizu);
        var tenant = await db.LocalGovernments.SingleAsync(b => b.Code == Yaizu);
        var rows = db.Facilities.AsNoTracking().Where(f => f.Code == "10869").AsAsyncEnumerable();
        using var output = new MemoryStream();

        await CsvExport.WriteAsync(rows, PublicFacilityList.Columns(tenant, "静岡県"), output, bom: false, default);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // The column order of the legacy 公共施設一覧 schema (open-data.md §1.3).
        lines[0].ShouldBe("都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,名称,名称_カナ,名称_通称,POIコード,住所,方書,緯度,経度,電話番号,内線番号,法人番号,団体名,利用可能曜日,開始時間,終了時間,利用可能日時特記事項,説明,バリアフリー情報,URL,備考");
        lines[1].ShouldStartWith("222127,10869,静岡県,焼津市,駿河湾深層水利用促進交流施設（深層水ミュージアム）,スルガワンシンソウスイリヨウソクシンコウリュウシセツシンソウスイミュージアム,,,静岡県焼津市鰯ケ島136-24,,34.85871089,138.325884,");
        PublicFacilityList.Katakana("やいづしやくしょ").ShouldBe("ヤイヅシヤクショ");
    }

    private static async Task<byte[]> Export<T>(IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, string format)
    {
        using var output = new MemoryStream();
        if (format == "csv")
        {
            await CsvExport.WriteAsync(rows, columns, output, bom: false, default);
        }
        else
        {
            await XlsxExport.WriteAsync(rows, columns, "台帳", output, default);
        }

        return output.ToArray();
    }

    private static List<string> Contents<T>(IEnumerable<T> entries)
        where T : class, IRegisterEntry => entries.Select(RegisterHistory.Content).Order(StringComparer.Ordinal).ToList();
}
