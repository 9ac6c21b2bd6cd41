using System.Buffers.Binary;

namespace InfraLedger.Core.Reports;

/// <summary>
/// Reads the few EXIF fields the photo code needs from a TIFF structure (CIPA DC-008 "Exif 2.3" §4.6.2), and writes
/// the one-entry block that keeps a photo's orientation. The bytes come from anyone's phone or from anyone: every offset
/// is checked, and a malformed structure reads as "absent", never as an exception.
/// </summary>
internal sealed class Exif
{
    private const int OrientationTag = 0x0112, GpsIfdTag = 0x8825;

    // §4.6.2: the byte sizes of the field types 1 BYTE … 10 SRATIONAL, with TIFF 6.0's 11 FLOAT, 12 DOUBLE and 13 IFD.
    private static readonly int[] TypeSizes = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];

    private static readonly Dictionary<int, string> Ifd0Names = new()
    {
        [0x010E] = "ImageDescription", [0x010F] = "Make", [0x0110] = "Model", [0x0112] = "Orientation",
        [0x011A] = "XResolution", [0x011B] = "YResolution", [0x0128] = "ResolutionUnit", [0x0131] = "Software",
        [0x0132] = "DateTime", [0x013B] = "Artist", [0x0213] = "YCbCrPositioning", [0x8298] = "Copyright",
        [0x8769] = "ExifIFD", [GpsIfdTag] = "GPSInfo",
    };

    private readonly ReadOnlyMemory<byte> tiff;
    private readonly bool bigEndian;
    private readonly int ifd0;

    private Exif(ReadOnlyMemory<byte> tiff, bool bigEndian)
    {
        this.tiff = tiff;
        this.bigEndian = bigEndian;
        ifd0 = (int)Math.Min(U32(4), int.MaxValue);
    }

    private readonly record struct Entry(int Tag, int Type, long Count, int ValueAt);

    /// <summary>The TIFF header "II*\0" or "MM\0*" (§4.6.2), after an optional "Exif\0\0" that some PNG and WebP writers add.</summary>
    public static Exif? Open(ReadOnlyMemory<byte> data)
    {
        if (data.Span.StartsWith("Exif\0\0"u8))
        {
            data = data[6..];
        }

        return data.Span.StartsWith("II*\0"u8) ? new(data, false) : data.Span.StartsWith("MM\0*"u8) ? new(data, true) : null;
    }

    /// <summary>Orientation (§4.6.4 A, tag 274): 1 = as stored, 2–8 = mirrored and/or rotated; null when absent or out of range.</summary>
    public int? Orientation => Find(ifd0, OrientationTag) is { Type: 3 } e && U16(e.ValueAt) is >= 1 and <= 8 and var value ? value : null;

    /// <summary>The names of the tags of IFD0 (the primary image's), known ones by name, others as 0xNNNN.</summary>
    public IReadOnlyList<string> Ifd0Tags => [.. Entries(ifd0).Select(e => Ifd0Names.GetValueOrDefault(e.Tag) ?? $"0x{e.Tag:X4}")];

    /// <summary>GPSLatitude/Ref and GPSLongitude/Ref (§4.6.6, tags 1–4) in signed decimal degrees.</summary>
    public (double Latitude, double Longitude)? Gps()
    {
        // The GPS IFD pointer is a LONG (§4.6.3 B); some writers use the IFD type 13 of TIFF Technical Note 1.
        if (Find(ifd0, GpsIfdTag) is not { Type: 4 or 13, Count: 1 } pointer || U32(pointer.ValueAt) is < 8 or > int.MaxValue)
        {
            return null;
        }

        var gps = (int)U32(pointer.ValueAt);
        var latitude = Degrees(gps, 1, 2, 'N', 'S');
        var longitude = Degrees(gps, 3, 4, 'E', 'W');
        return latitude is { } lat && longitude is { } lon && Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180 ? (lat, lon) : null;
    }

    /// <summary>A TIFF structure with only IFD0 and only the Orientation tag: nothing else of the original survives.</summary>
    public static byte[] OrientationOnly(int orientation) =>
    [
        (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8,         // header, big-endian, IFD0 at offset 8
        0, 1,                                            // one entry
        0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0, // Orientation, SHORT, count 1, value left-justified
        0, 0, 0, 0,                                      // no next IFD (no IFD1, so no thumbnail)
    ];

    // A degrees/minutes/seconds triple of RATIONALs (§4.6.6 GPSLatitude) and its "N"/"S" (or "E"/"W") reference.
    private double? Degrees(int ifd, int refTag, int valueTag, char positive, char negative)
    {
        if (Find(ifd, refTag) is not { Type: 2 } reference || Find(ifd, valueTag) is not { Type: 5, Count: 3 } value)
        {
            return null;
        }

        var sign = tiff.Span[reference.ValueAt] == positive ? 1 : tiff.Span[reference.ValueAt] == negative ? -1 : 0;
        double total = 0;
        for (var i = 0; i < 3; i++)
        {
            long numerator = U32(value.ValueAt + (8 * i)), denominator = U32(value.ValueAt + (8 * i) + 4);
            if (denominator <= 0 || numerator < 0)
            {
                return null;
            }

            total += (double)numerator / denominator / Math.Pow(60, i);
        }

        return sign == 0 ? null : sign * total;
    }

    private Entry? Find(int ifd, int tag)
    {
        foreach (var entry in Entries(ifd))
        {
            if (entry.Tag == tag)
            {
                return entry;
            }
        }

        return null;
    }

    // §4.6.2: an IFD is a 2-byte count, 12-byte entries (tag, type, count, value or offset), then the next IFD's offset.
    // A value of 4 bytes or fewer sits in the entry itself; a larger one at the offset the entry holds.
    private IEnumerable<Entry> Entries(int ifd)
    {
        var count = U16(ifd);
        for (var i = 0; i < count && ifd + 2L + (12L * (i + 1)) <= tiff.Length; i++)
        {
            var at = ifd + 2 + (12 * i);
            int tag = U16(at), type = U16(at + 2);
            var length = U32(at + 4) * (type is > 0 and < 14 ? TypeSizes[type] : 0);
            var valueAt = length <= 4 ? at + 8 : U32(at + 8);
            if (length > 0 && valueAt >= 0 && valueAt + length <= tiff.Length)
            {
                yield return new(tag, type, U32(at + 4), (int)valueAt);
            }
        }
    }

    private int U16(long at) => at < 0 || at + 2 > tiff.Length ? -1
        : bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(tiff.Span[(int)at..]) : BinaryPrimitives.ReadUInt16LittleEndian(tiff.Span[(int)at..]);

    private long U32(long at) => at < 0 || at + 4 > tiff.Length ? -1
        : bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(tiff.Span[(int)at..]) : BinaryPrimitives.ReadUInt32LittleEndian(tiff.Span[(int)at..]);
}
