using InfraLedger.Core.Common;

namespace InfraLedger.Core.Reports;

/// <summary>
/// Residents' photos: accepted as JPEG, PNG or WebP only, recognised by their bytes (never by name or the browser's
/// content type), and rewritten without the metadata that would publish where, when and with what they were taken.
/// No image library is used: the files are rewritten at the level of their segments and chunks, pixels untouched.
/// </summary>
public static class Photos
{
    /// <summary>The largest photo accepted, in bytes (5 MiB).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The most photos one report may carry.</summary>
    public const int MaxCount = 3;

    /// <summary>
    /// The longest side accepted, in pixels: WebP's own limit is 16,383 and browsers refuse to decode much larger images. Read
    /// from the header (JPEG SOF, PNG IHDR, WebP VP8X/VP8/VP8L) before anything else of the file is kept.
    /// </summary>
    public const int MaxSide = 16_384;

    /// <summary>
    /// The most pixels accepted (6,000万画素): a 48 or 50 megapixel phone photo (8,192 × 6,144 at most) passes, while a header
    /// that declares billions of pixels — which would take gigabytes to decode wherever the photo is shown — is refused.
    /// </summary>
    public const long MaxPixels = 60_000_000;

    /// <summary>A photo fit to store and show.</summary>
    /// <param name="Content">The rewritten file.</param>
    /// <param name="ContentType"><c>image/jpeg</c>, <c>image/png</c> or <c>image/webp</c>, from the bytes.</param>
    /// <param name="Width">Stored width in pixels; a JPEG whose kept Orientation is 5–8 shows rotated, width and height swapped.</param>
    /// <param name="Height">Stored height in pixels.</param>
    public sealed record Photo(byte[] Content, string ContentType, int Width, int Height);

    /// <summary>
    /// Checks an uploaded file and returns a copy without metadata: for a JPEG only the frame, tables, scans (byte for
    /// byte), JFIF, ICC profile and Adobe segments, plus a new Orientation-only EXIF when the photo was not upright; for a
    /// PNG only its critical and colour chunks; for a WebP only its image chunks. Refused: empty, over
    /// <see cref="MaxBytes"/>, another type, broken or cut short, or declaring more than <see cref="MaxSide"/> pixels a side or
    /// <see cref="MaxPixels"/> in all (checked on the header, before any pixel data is looked at).
    /// </summary>
    /// <param name="data">The uploaded bytes.</param>
    /// <param name="fileName">The file's name as the resident chose it: used in messages only.</param>
    public static Result<Photo> Sanitise(byte[] data, string fileName)
    {
        if (data.Length == 0)
        {
            return Errors.PhotoEmpty(fileName);
        }

        if (data.Length > MaxBytes)
        {
            return Errors.PhotoSize(fileName, data.Length);
        }

        return Jpeg.Is(data) ? Jpeg.Sanitise(data, fileName)
            : Png.Is(data) ? Png.Sanitise(data, fileName)
            : WebP.Is(data) ? WebP.Sanitise(data, fileName)
            : Errors.PhotoType(fileName);
    }

    /// <summary>The size a header declares, or why it is refused (over <see cref="MaxSide"/> or <see cref="MaxPixels"/>).</summary>
    internal static Error? CheckSize(string fileName, long width, long height) =>
        width > MaxSide || height > MaxSide || width * height > MaxPixels ? Errors.PhotoDimensions(fileName, width, height) : null;

    /// <summary>
    /// The GPS position in a photo's EXIF (JPEG APP1, PNG eXIf or WebP EXIF), in signed decimal degrees (south and west
    /// negative); null when there is none or it cannot be read. The datum is whatever the camera used (usually WGS 84).
    /// </summary>
    public static (double Latitude, double Longitude)? ReadGps(byte[] data) => ExifOf(data)?.Gps();

    /// <summary>
    /// The names of the EXIF tags of a photo's primary image (IFD0): <c>Make</c>, <c>Model</c>, <c>DateTime</c>,
    /// <c>Orientation</c>, <c>ExifIFD</c>, <c>GPSInfo</c>…, unknown ones as <c>0xNNNN</c>; empty without EXIF.
    /// </summary>
    public static IReadOnlyList<string> ReadExifTags(byte[] data) => ExifOf(data)?.Ifd0Tags ?? [];

    private static Exif? ExifOf(byte[] data)
    {
        var tiff = Jpeg.Is(data) ? Jpeg.FindExif(data) : Png.Is(data) ? Png.FindExif(data) : WebP.Is(data) ? WebP.FindExif(data) : null;
        return tiff is { } found ? Exif.Open(found) : null;
    }
}
