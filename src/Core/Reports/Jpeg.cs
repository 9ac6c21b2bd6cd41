using System.Buffers.Binary;
using System.Diagnostics;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Reports;

/// <summary>
/// Rewrites a JPEG without its metadata by walking its marker segments (ITU-T T.81 Annex B). Kept: what a decoder needs
/// (frame, tables, scans), JFIF (APP0) without its thumbnail, the ICC profile (APP2) and Adobe's colour-transform flag (APP14). Dropped: EXIF
/// and XMP (APP1), IPTC/Photoshop (APP13), comments, every other APPn, and anything after EOI, where phones append depth
/// maps, motion-photo videos and MPF second images, each with its own EXIF.
/// </summary>
internal static class Jpeg
{
    private const string Truncated = "JPEG の終わりを示す EOI の前でファイルが切れています";

    /// <summary>A marker and its segment's payload (after the length field); marker 0 is the entropy-coded data after an SOS.</summary>
    private readonly record struct Part(byte Marker, int Start, int Length);

    /// <summary>SOI and the 0xFF of the next marker (T.81 B.2.1).</summary>
    public static bool Is(ReadOnlySpan<byte> data) => data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);

    public static Result<Photos.Photo> Sanitise(byte[] data, string fileName)
    {
        var parts = new List<Part>();
        if (Walk(data, parts) is { } broken)
        {
            return Errors.PhotoBroken(fileName, broken);
        }

        using var output = new MemoryStream(data.Length);
        output.Write([0xFF, 0xD8]);
        (int Width, int Height)? size = null;
        var exifSeen = false;
        foreach (var part in parts)
        {
            var payload = data.AsSpan(part.Start, part.Length);
            switch (part.Marker)
            {
                case 0:
                    output.Write(payload);
                    break;
                case 0xC0 or 0xC1 or 0xC2 when size is not null:
                    return Errors.PhotoUnsupported(fileName, "複数のフレームを持つ JPEG");
                case 0xC0 or 0xC1 or 0xC2:
                    size = Frame(payload);
                    if (size is not { Width: > 0, Height: > 0 })
                    {
                        // B.2.2: a height of 0 is declared later by a DNL segment, which browsers do not all support.
                        return Errors.PhotoBroken(fileName, "SOF に書かれた画像の大きさが読めません");
                    }

                    if (Photos.CheckSize(fileName, size.Value.Width, size.Value.Height) is { } tooLarge)
                    {
                        return tooLarge;
                    }

                    Write(output, part.Marker, payload);
                    break;
                case 0xDA when size is null:
                    return Errors.PhotoBroken(fileName, "画像の大きさを示す SOF が画像データの前にありません");
                case 0xE0 when payload.StartsWith("JFIF\0"u8) && payload.Length >= 14:
                    // JFIF 1.02: identifier, version, units, densities, then a thumbnail's width, height and pixels. The
                    // thumbnail goes: an edited photo's may still show what was cropped out.
                    Write(output, part.Marker, [.. payload[..12], 0, 0]);
                    break;
                case 0xC4 or 0xDB or 0xDD or 0xDA: // DHT, DQT, DRI, SOS
                case 0xE2 when payload.StartsWith("ICC_PROFILE\0"u8):
                case 0xEE when payload.StartsWith("Adobe"u8):
                    Write(output, part.Marker, payload);
                    break;
                case 0xE1 when !exifSeen && payload.StartsWith("Exif\0\0"u8):
                    // Dropping EXIF loses Orientation (CIPA DC-008 §4.6.4 A), and a phone's upright photo would show on its
                    // side: a new APP1 carries that one tag over, in place of the original (Exif 2.3 §4.5.4).
                    exifSeen = true;
                    if (Exif.Open(data.AsMemory(part.Start, part.Length))?.Orientation is > 1 and var orientation)
                    {
                        Write(output, 0xE1, [.. "Exif\0\0"u8, .. Exif.OrientationOnly(orientation)]);
                    }

                    break;
                case (>= 0xE0 and <= 0xEF) or 0xFE: // other APPn, COM
                    break;
                default: // SOF3, SOF5–15, DAC, DNL, DHP, EXP, JPGn, TEM, RSTn outside a scan
                    return Errors.PhotoUnsupported(fileName, $"ブラウザで表示できない種類の JPEG（マーカー 0x{part.Marker:X2}）");
            }
        }

        output.Write([0xFF, 0xD9]);
        var (width, height) = size ?? throw new UnreachableException("Walk returns success only after an SOS, and an SOS needs an SOF.");
        return new Photos.Photo(output.ToArray(), "image/jpeg", width, height);
    }

    /// <summary>The TIFF structure of the first EXIF APP1, if the segments up to it are readable.</summary>
    public static ReadOnlyMemory<byte>? FindExif(byte[] data)
    {
        var parts = new List<Part>();
        _ = Walk(data, parts); // a file cut after its metadata still has its APP1 in parts
        foreach (var part in parts)
        {
            if (part.Marker == 0xE1 && data.AsSpan(part.Start, part.Length).StartsWith("Exif\0\0"u8))
            {
                return data.AsMemory(part.Start + 6, part.Length - 6);
            }
        }

        return null;
    }

    // B.1.1.2: markers are 0xFF and a code, optionally preceded by fill bytes 0xFF. B.1.1.3: TEM and RSTn stand alone; every
    // other marker starts a segment whose 2-byte length counts itself but not the marker. Returns why the file is broken.
    private static string? Walk(byte[] data, List<Part> parts)
    {
        var scanned = false;
        var at = 2;
        while (true)
        {
            if (at < data.Length && data[at] != 0xFF)
            {
                return "セグメントの長さと中身が合いません";
            }

            while (at < data.Length && data[at] == 0xFF)
            {
                at++;
            }

            if (at >= data.Length)
            {
                return Truncated;
            }

            var marker = data[at++];
            if (marker == 0xD9)
            {
                return scanned ? null : "画像データを示す SOS がありません";
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                parts.Add(new(marker, at, 0));
                continue;
            }

            if (marker is < 0xC0 or 0xD8)
            {
                return $"JPEG にないマーカー 0x{marker:X2} があります";
            }

            if (at + 2 > data.Length || at + BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at)) > data.Length)
            {
                return Truncated;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at));
            if (length < 2)
            {
                return "セグメントの長さが不正です";
            }

            parts.Add(new(marker, at + 2, length - 2));
            at += length;
            if (marker == 0xDA)
            {
                scanned = true;
                var end = ScanEnd(data, at);
                parts.Add(new(0, at, end - at));
                at = end;
            }
        }
    }

    // B.1.1.5, F.1.2.3: inside entropy-coded data a 0xFF is followed by a stuffed 0x00 or is an RSTn marker; any other
    // marker ends the scan.
    private static int ScanEnd(byte[] data, int at)
    {
        while (at + 1 < data.Length)
        {
            var ff = data.AsSpan(at, data.Length - 1 - at).IndexOf((byte)0xFF);
            if (ff < 0)
            {
                break;
            }

            at += ff;
            if (data[at + 1] is not (0x00 or (>= 0xD0 and <= 0xD7)))
            {
                return at;
            }

            at += 2;
        }

        return data.Length;
    }

    // B.2.2: P (precision), Y (number of lines), X (samples per line), Nf, then 3 bytes for each component.
    private static (int Width, int Height)? Frame(ReadOnlySpan<byte> sof) =>
        sof.Length >= 6 && sof[5] > 0 && sof.Length == 6 + (3 * sof[5])
            ? (BinaryPrimitives.ReadUInt16BigEndian(sof[3..]), BinaryPrimitives.ReadUInt16BigEndian(sof[1..]))
            : null;

    private static void Write(MemoryStream output, byte marker, ReadOnlySpan<byte> payload)
    {
        output.Write([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
        output.Write(payload);
    }
}
