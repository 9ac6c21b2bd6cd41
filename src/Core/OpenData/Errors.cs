using InfraLedger.Core.Common;

namespace InfraLedger.Core.OpenData;

/// <summary>The open-data feature's refusals.</summary>
public static class Errors
{
    public static Error UnknownDataset(string? value) =>
        new("opendata.dataset", $"データセット「{value}」はありません（{string.Join("・", DatasetKind.All.Select(k => k.Id))} のいずれか）。", "dataset");

    public static Error UnknownLicence(string? value, OpenDataLicences licences) =>
        new("opendata.licence", $"ライセンス「{value}」は選べません（{string.Join("・", licences.All.Select(l => $"{l.Id}＝{l.Title}"))}）。", "licence");

    public static Error NotPublished(string title) =>
        new("opendata.not_published", $"データセット「{title}」は公開されていません。", "dataset");
}
