namespace InfraLedger.Core.Inspections;

/// <summary>
/// A photo of an inspection, stored as <see cref="Reports.Photos.Sanitise"/> rewrote it: without the EXIF position,
/// camera and dates the phone wrote. Deleted with its inspection.
/// </summary>
public sealed class InspectionPhoto : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    public long InspectionId { get; init; }

    /// <summary>1, 2, … within the inspection, in the order uploaded; a deleted number is not reused while a later one exists.</summary>
    public int Number { get; init; }

    /// <summary><c>image/jpeg</c>, <c>image/png</c> or <c>image/webp</c>, from the bytes.</summary>
    public required string ContentType { get; init; }

    public required byte[] Content { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    /// <summary>The file's name as uploaded (without any folder).</summary>
    public required string FileName { get; init; }

    public string? Caption { get; init; }
}
