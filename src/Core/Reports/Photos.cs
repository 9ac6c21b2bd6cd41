using InfraLedger.Core.Common;

namespace InfraLedger.Core.Reports;

// PLACEHOLDER until the sanitiser of branch issue7-photos is merged: refuses every photo.
public static class Photos
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int MaxCount = 3;

    public sealed record Photo(byte[] Content, string ContentType, int Width, int Height);

    public static Result<Photo> Sanitise(byte[] data, string fileName) =>
        new Error("reports.photo_type", $"「{fileName}」({data.Length}) は受け付けられません。", "Photos");
}
