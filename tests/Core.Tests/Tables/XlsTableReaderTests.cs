namespace InfraLedger.Core.Tests.Tables;

public class XlsTableReaderTests
{
    [Fact]
    public void reads_an_excel_97_workbook_like_its_xlsx_original()
    {
        var path = Path.Combine(Fixtures.Repository(), "tests", "Core.Tests", "Tables", "Fixtures", "register.xls");

        var tables = Fixtures.Read(File.ReadAllBytes(path), "台帳.xls");

        tables.Select(t => t.Sheet).ShouldBe(["施設台帳", "公園"]);
        tables[0].Headers.ShouldBe(["施設コード", "名称", "取得価額 金額", "取得価額 財源", "取得年月日", "供用開始"]);
        tables[0].HeaderRow.ShouldBe(5);
        var rows = tables[0].Rows.ToList();
        rows.Select(r => r.SourceRow).ShouldBe([6, 7, 9, 10]);
        rows[0].Cells.ShouldBe(["001", "焼津市役所", "32500", "一般財源", "2023-04-01", "45017"]);
        rows[3].Cells.ShouldBe(["004", "体育館", "2000", "国庫補助", null, null]);
    }
}
