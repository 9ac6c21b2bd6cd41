using InfraLedger.Core.Inspections;

namespace InfraLedger.Web.Pages.Inspections;

/// <summary>The posted photo files as Core reads them (its checks refuse by name, length and bytes).</summary>
public static class PhotoUploads
{
    /// <summary>Ten photos of 5 MiB and the rest of the form: above Kestrel's default limit of about 28.6 MiB.</summary>
    public const long RequestLimit = 64L * 1024 * 1024;

    public static List<InspectionPhotos.Upload> From(IEnumerable<IFormFile>? files) =>
        [.. (files ?? []).Select(f => new InspectionPhotos.Upload(f.FileName, f.Length, f.OpenReadStream()))];
}
