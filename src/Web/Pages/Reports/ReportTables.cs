using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Reports;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>The staff queue's tables, as shown and as downloaded: no contact detail is ever a column.</summary>
public static class ReportTables
{
    public static Table Queue(IReadOnlyList<ResidentReport> reports, IReadOnlyDictionary<string, string> serviceNames, DateTime nowUtc, string title) =>
        new("reports", title,
            ["受付番号", "受付日", "種類", "状態", "担当課", "期限超過", "公開", "住所・目印", "施設コード"],
            [.. reports.Select(r => (IReadOnlyList<TableCell>)
            [
                new(r.Id.ToString(CultureInfo.InvariantCulture)),
                new(ReportPages.JstDate(r.RequestedAtUtc)),
                new(serviceNames.GetValueOrDefault(r.ServiceCode, r.ServiceCode)),
                new(r.ForwardedToTenantId is null ? r.Status.Label() : $"{r.Status.Label()}（転送済み）"),
                new(r.Section),
                new(ReportPages.IsOverdue(r, nowUtc) ? "期限超過" : ""),
                new(r.IsHidden ? "非公開" : r.PublishedAtUtc is null ? "未公開" : ""),
                new(r.Address ?? ""),
                new(r.FacilityCode ?? ""),
            ])],
            "日付は日本時間。期限超過は、対応中の通報で種類ごとの対応目標日を過ぎたもの。公開は、未公開（職員の確認待ち）か非公開。転送済みは、管轄外として他の団体へ転送したもの。連絡先は含みません。");

    /// <summary>
    /// The body's published reports for everyone (the public list and its CSV): public fields only — no name, contact,
    /// e-mail, photo or internal note; the same columns in both languages' headers.
    /// </summary>
    public static Table Public(IReadOnlyList<PublicReports.Row> rows, bool english) =>
        new("published-reports", ReportText.T(english, "list.caption"),
            english
                ? ["Reference number", "Received (JST)", "Kind", "Status", "Updated (JST)", "Place", "Latitude", "Longitude", "Content"]
                : ["受付番号", "受付日時（日本時間）", "種類", "状態", "更新日時（日本時間）", "場所", "緯度", "経度", "内容"],
            [.. rows.Select(r => (IReadOnlyList<TableCell>)
            [
                new(r.Id.ToString(CultureInfo.InvariantCulture)),
                new(JapanTime.Minute(r.RequestedAtUtc)),
                new(r.ServiceName),
                new(ReportText.Status(english, r.Status)),
                new(JapanTime.Minute(r.UpdatedAtUtc)),
                new(r.Address ?? ""),
                new(r.Latitude is { } la ? la.ToString("0.######", CultureInfo.InvariantCulture) : ""),
                new(r.Longitude is { } lo ? lo.ToString("0.######", CultureInfo.InvariantCulture) : ""),
                new(r.Description ?? ""),
            ])],
            english ? "Times in Japan time (JST). Names, contact details and photos are never included." : "日時は日本時間。通報した方の名前・連絡先・写真は含みません。");

    public static Table ResponseTimes(IReadOnlyList<Core.Reports.ResponseTimes.Row> rows, DateTime fromUtc, DateTime toUtc) =>
        new("response-times", $"担当課ごとの対応時間（{ReportPages.JstDate(fromUtc)}〜{ReportPages.JstDate(toUtc.AddDays(-1))} の受付）",
            ["担当課", "受付件数", "対応中", "終了", "期限超過", "初回対応までの日数（中央値）", "終了までの日数（中央値）"],
            [.. rows.Select(r => (IReadOnlyList<TableCell>)
            [
                new(r.Section), new(null, r.Received), new(null, r.Open), new(null, r.Closed), new(null, r.Overdue),
                Days(r.MedianDaysToRespond), Days(r.MedianDaysToClose),
            ])],
            $"中央値は対象が{Core.Reports.ResponseTimes.MinimumCount}件未満のとき表示しません（少数では誤解を招くため）。初回対応は、最初の公開の対応（状態の変更・お知らせ）です。");

    private static TableCell Days(double? days) =>
        days is { } d ? new TableCell(null, Math.Round((decimal)d, 1), 1) : new TableCell("5件未満");
}
