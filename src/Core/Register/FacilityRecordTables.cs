using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Register.Export;
using InfraLedger.Core.Reports;

namespace InfraLedger.Core.Register;

/// <summary>The 施設カルテ as tables: what its XLSX download holds, one sheet per section, in the page's order.</summary>
public static class FacilityRecordTables
{
    public static IReadOnlyList<Table> Tables(FacilityRecord record) =>
        [Fields(record), Assets(record), Inspections(record), Works(record), Reports(record), Renewal(record), History(record)];

    /// <summary>Writes the カルテ as an XLSX workbook (the register's XLSX writer, as the plan and indicator downloads).</summary>
    public static Task WriteXlsxAsync(FacilityRecord record, Stream output, CancellationToken ct) =>
        XlsxExport.WriteTablesAsync([.. Tables(record).Select(t => (t.Title, t))], output, ct);

    public static string FileName(FacilityRecord record) => $"facility-record-{record.Facility.Code}-{record.Year.Year}.xlsx";

    private static TableCell Text(string? text) => new(string.IsNullOrEmpty(text) ? null : text);

    private static TableCell Number(decimal? value) => new(null, value);

    private static TableCell Date(DateOnly? date) => Text(date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static Table Fields(FacilityRecord r)
    {
        var f = r.Facility;
        (string, string?)[] rows =
        [
            ("施設コード", f.Code), ("施設名", f.Name), ("よみ", f.Kana), ("資産種別", FacilityRegister.KindLabel(f.Kind)),
            ("状態", FacilityRegister.StatusLabel(f.Status)), ("用途分類（大分類）", f.UsageMajor), ("用途分類（中分類）", f.UsageMinor),
            ("所管課", f.Section), ("所在地", f.Address),
            ("緯度", f.Latitude?.ToString("0.000000", CultureInfo.InvariantCulture)), ("経度", f.Longitude?.ToString("0.000000", CultureInfo.InvariantCulture)),
            (FacilityRegister.QuantityLabel(f.QuantityKind), f.Quantity?.ToString(CultureInfo.InvariantCulture)),
            ("建築年", f.YearBuilt?.ToString(CultureInfo.InvariantCulture)), ("構造", f.Structure), ("備考", f.Note),
            ("現在の版", $"第{f.Version}版（異動日 {f.ValidFrom:yyyy-MM-dd}）"),
        ];
        return new Table("fields", "施設", ["項目", "内容"], [.. rows.Select(x => (IReadOnlyList<TableCell>)[Text(x.Item1), Text(x.Item2)])]);
    }

    public static Table Assets(FacilityRecord r)
    {
        var rows = r.Assets.Select(l => (IReadOnlyList<TableCell>)
        [
            Text(l.Asset.Number), Text(l.Asset.Name), Text(l.Asset.Account), Date(l.Asset.AcquisitionDate),
            Number(l.Life), Number(l.Position.Cost), Number(l.Position.Accumulated), Number(l.Position.BookValue), Text(l.InRatio ? "対象" : "対象外"),
        ]).ToList();
        var all = r.AllAssets;
        rows.Add([Text("計"), Text($"{all.Assets}件"), Text(null), Text(null), Text(null), Number(all.Cost), Number(all.Accumulated), Number(all.BookValue), Text(null)]);
        return new Table("assets", "資産", ["資産番号", "件名", "勘定科目", "取得年月日", "耐用年数", "取得価額（円）", "減価償却累計額（円）", "帳簿価額（円）", "減価償却率"],
            rows, $"{r.Year.Year}年度末（{r.Year.End:yyyy-MM-dd}）の台帳による。{r.Settings.Label}");
    }

    public static Table Inspections(FacilityRecord r) =>
        new("inspections", "点検", ["点検日", "部材", "判定区分", "対策区分", "点検者", "所見", "写真（枚）"],
            [.. r.Inspections.Select(x => (IReadOnlyList<TableCell>)
            [
                Date(x.Inspection.InspectedOn), Text(MemberLabel(x.Inspection.Member)), Text(x.Scheme.Label(x.Inspection.Grade)),
                Text(x.Inspection.Countermeasure), Text(x.Inspection.Inspector), Text(x.Inspection.Findings),
                Number(r.Photos.TryGetValue(x.Inspection.Id, out var p) ? p.Count : 0),
            ])]);

    public static Table Works(FacilityRecord r) =>
        new("works", "工事・補修", ["完了日", "部材", "内容", "完了後の区分", "費用（円）"],
            [.. r.Works.Select(w => (IReadOnlyList<TableCell>)
            [
                Date(w.CompletedOn), Text(MemberLabel(w.Member)), Text(w.Description), Text(w.GradeAfter?.ToString(CultureInfo.InvariantCulture)), Number(w.Cost),
            ])]);

    public static Table Reports(FacilityRecord r) =>
        new("reports", "住民通報", ["受付番号", "受付日", "状態", "内容", "関係", "距離（m）"],
            [.. r.Reports.Select(x => (IReadOnlyList<TableCell>)
            [
                Number(x.Value.Id), Date(DateOnly.FromDateTime(x.Value.RequestedAtUtc.AddHours(9))), Text(x.Value.Status.Label()), Text(x.Value.Description),
                Text(x.Linked ? "この施設の通報" : $"半径{FacilityRecord.NearbyMetres:0}m以内"), Number(x.Metres is { } m ? Math.Round((decimal)m) : null),
            ])],
            $"この施設に紐づく通報と、施設の位置から半径{FacilityRecord.NearbyMetres:0}m以内の通報。");

    public static Table Renewal(FacilityRecord r)
    {
        var rc = r.RenewalCost;
        var rows = rc.Result.Events.Where(e => e.Total != 0).Select(e => (IReadOnlyList<TableCell>)[Text(e.Name), Number(Math.Round(e.Total))]).ToList();
        rows.Add([Text("計"), Number(Math.Round(rc.Total))]);
        rows.Add([Text("年平均"), Number(Math.Round(rc.Result.AnnualAverage))]);
        return new Table("renewal", "更新費用", ["区分", "金額（円）"], rows,
            $"{rc.Scenario.Title}の単価・周期で、{rc.BaseYear}年度から{rc.Result.Horizon}年間。" + (rc.NotProjected is { } why ? $"試算の対象外: {why}。" : ""));
    }

    public static Table History(FacilityRecord r) =>
        new("history", "履歴", ["版", "異動日", "記録日時", "事由", "削除"],
            [.. r.History.Select(v => (IReadOnlyList<TableCell>)
            [
                Number(v.Version), Date(v.ValidFrom), Text(v.RecordedAtUtc.AddHours(9).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                Text(v.Reason), Text(v.Deleted ? "削除" : null),
            ])]);

    public static string MemberLabel(string member) => member.Length == 0 ? "施設全体" : member;
}
