using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Reports;

/// <summary>Expected refusals of residents' damage reports.</summary>
public static class Errors
{
    public static Error PhotoEmpty(string fileName) =>
        new("reports.photo_empty", $"「{fileName}」は空のファイルです。写真を選び直してください。", "Photos");

    public static Error PhotoSize(string fileName, long bytes) =>
        new("reports.photo_size", $"「{fileName}」は {Megabytes(Photos.MaxBytes)} MB を超えています（{Megabytes(bytes)} MB）。小さくしてから選んでください。", "Photos");

    public static Error PhotoType(string fileName) =>
        new("reports.photo_type", $"「{fileName}」は JPEG・PNG・WebP の画像ではありません。JPEG・PNG・WebP の写真を選んでください。", "Photos");

    public static Error PhotoBroken(string fileName, string reason) =>
        new("reports.photo_broken", $"「{fileName}」を画像として読めません（{reason}）。壊れているか、途中までしか送られていません。", "Photos");

    public static Error PhotoUnsupported(string fileName, string what) =>
        new("reports.photo_unsupported", $"「{fileName}」は{what}で、受け付けられません。普通の JPEG・PNG・WebP で保存し直してください。", "Photos");

    // Rounded up, so a file just over the limit never reads "5.0 MB を超えています（5.0 MB）".
    private static string Megabytes(long bytes) =>
        (Math.Ceiling(bytes * 10.0 / (1024 * 1024)) / 10).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.0", CultureInfo.InvariantCulture);
}
