using System.Buffers.Binary;
using System.Text;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Reports;

/// <summary>
/// Rewrites a WebP (RFC 9649) with only its image chunks: the EXIF and XMP chunks and any unknown chunk are dropped, and
/// VP8X's flags say so. Bytes after the RIFF chunk's stated size are dropped too.
/// </summary>
internal static class WebP
{
    private const string Truncated = "WebP のチャンクの途中でファイルが切れています";

    // VP8X flags ("Extended File Format"), most significant bit first: 2 reserved, ICC, alpha, EXIF, XMP, animation, 1 reserved.
    private const byte ExifAndXmpFlags = 0x08 | 0x04;

    private static readonly HashSet<string> Kept = ["VP8X", "ICCP", "ANIM", "ANMF", "ALPH", "VP8 ", "VP8L"];

    /// <summary>A chunk's FourCC and the offset and length of its payload ("RIFF File Format").</summary>
    private readonly record struct Chunk(string Type, int Start, int Length);

    /// <summary>"RIFF", a size, "WEBP" ("RIFF Header").</summary>
    public static bool Is(ReadOnlySpan<byte> data) => data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..].StartsWith("WEBP"u8);

    public static Result<Photos.Photo> Sanitise(byte[] data, string fileName)
    {
        var chunks = new List<Chunk>();
        if (Walk(data, chunks) is { } broken)
        {
            return Errors.PhotoBroken(fileName, broken);
        }

        if (Size(data, chunks) is not { } size || !chunks.Any(c => c.Type is "VP8 " or "VP8L" or "ANMF"))
        {
            return Errors.PhotoBroken(fileName, "画像の大きさか画像データが読めません");
        }

        if (Photos.CheckSize(fileName, size.Width, size.Height) is { } tooLarge)
        {
            return tooLarge;
        }

        using var output = new MemoryStream(data.Length);
        output.Write("RIFF\0\0\0\0WEBP"u8);
        foreach (var chunk in chunks.Where(c => Kept.Contains(c.Type)))
        {
            output.Write(data.AsSpan(chunk.Start - 8, 8 + chunk.Length + (chunk.Length & 1)));
        }

        var bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        if (chunks[0].Type == "VP8X")
        {
            bytes[20] &= unchecked((byte)~ExifAndXmpFlags); // VP8X is the first chunk, so its flags byte is at 12 + 8
        }

        return new Photos.Photo(bytes, "image/webp", size.Width, size.Height);
    }

    /// <summary>The payload of the EXIF chunk ("Metadata"), if the chunks up to it are readable.</summary>
    public static ReadOnlyMemory<byte>? FindExif(byte[] data)
    {
        var chunks = new List<Chunk>();
        _ = Walk(data, chunks);
        return chunks.FirstOrDefault(c => c.Type == "EXIF") is { Type: not null } exif ? data.AsMemory(exif.Start, exif.Length) : null;
    }

    // "RIFF File Format": a chunk is a FourCC, a 32-bit little-endian payload size, the payload and a pad byte when the size is odd.
    private static string? Walk(byte[] data, List<Chunk> chunks)
    {
        var end = 8L + BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(4));
        if (end > data.Length)
        {
            return Truncated;
        }

        for (var at = 12; at < end;)
        {
            var length = at + 8 > end ? uint.MaxValue : BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at + 4));
            if (at + 8L + length + (length & 1) > end)
            {
                return Truncated;
            }

            chunks.Add(new(Encoding.ASCII.GetString(data, at, 4), at + 8, (int)length));
            at += 8 + (int)length + (int)(length & 1);
        }

        return chunks.Count > 0 ? null : "画像データがありません";
    }

    // The canvas of the extended format (VP8X: 24-bit width − 1 and height − 1), or of the simple one from its bitstream's
    // header: a VP8 key frame (RFC 6386 §9.1: 14-bit sizes after the start code) or VP8L (RFC 9649's lossless bitstream
    // header: signature 0x2F, then 14-bit width − 1 and height − 1).
    private static (int Width, int Height)? Size(byte[] data, List<Chunk> chunks)
    {
        var p = data.AsSpan(chunks[0].Start, chunks[0].Length);
        (int Width, int Height)? size = chunks[0].Type switch
        {
            "VP8X" when p.Length >= 10 => ((p[4] | (p[5] << 8) | (p[6] << 16)) + 1, (p[7] | (p[8] << 8) | (p[9] << 16)) + 1),
            "VP8 " when p.Length >= 10 && p[3..6].SequenceEqual((ReadOnlySpan<byte>)[0x9D, 0x01, 0x2A]) =>
                (BinaryPrimitives.ReadUInt16LittleEndian(p[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(p[8..]) & 0x3FFF),
            "VP8L" when p.Length >= 5 && p[0] == 0x2F =>
                ((int)(BinaryPrimitives.ReadUInt32LittleEndian(p[1..]) & 0x3FFF) + 1, (int)((BinaryPrimitives.ReadUInt32LittleEndian(p[1..]) >> 14) & 0x3FFF) + 1),
            _ => null,
        };
        return size is { Width: > 0, Height: > 0 } ? size : null;
    }
}
