using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Reports;

/// <summary>
/// Rewrites a PNG with only the chunks that decide how its pixels look (ISO/IEC 15948 §11). Dropped: eXIf, tEXt, zTXt,
/// iTXt, tIME and every other ancillary chunk, including APNG's acTL/fcTL/fdAT: the still default image remains, which is
/// what a damage report needs. Chunks after IEND are dropped too.
/// </summary>
internal static class Png
{
    private static readonly HashSet<string> Critical = ["IHDR", "PLTE", "IDAT", "IEND"];

    // §11.3: transparency, colour space and physical size; cICP is the colour space chunk of PNG's third edition (2025).
    private static readonly HashSet<string> Kept = [.. Critical, "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "cICP", "sBIT", "pHYs", "bKGD"];

    // §5.4: chunk types are four ASCII letters; the case of the first says critical (upper) or ancillary (lower).
    private static readonly SearchValues<byte> Letters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A chunk's type and the offset and length of its data (§5.3: length, type, data, CRC).</summary>
    private readonly record struct Chunk(string Type, int Start, int Length);

    /// <summary>The 8-byte signature (§5.2).</summary>
    public static bool Is(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    public static Result<Photos.Photo> Sanitise(byte[] data, string fileName)
    {
        var chunks = new List<Chunk>();
        if (Walk(data, chunks) is { } broken)
        {
            return Errors.PhotoBroken(fileName, broken);
        }

        // §11.2.2 IHDR: width and height, 4 bytes each, non-zero (checked by Walk).
        var ihdr = data.AsSpan(chunks[0].Start);
        var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(ihdr), BinaryPrimitives.ReadInt32BigEndian(ihdr[4..]));
        if (Photos.CheckSize(fileName, width, height) is { } tooLarge)
        {
            return tooLarge;
        }

        if (chunks.FirstOrDefault(c => !Critical.Contains(c.Type) && char.IsUpper(c.Type[0])) is { Type: { } unknown })
        {
            // §5.4: a decoder meeting an unknown critical chunk cannot show the image (e.g. Apple's CgBI).
            return Errors.PhotoUnsupported(fileName, $"ブラウザで表示できない PNG（{unknown} チャンク）");
        }

        using var output = new MemoryStream(data.Length);
        output.Write(Signature);
        foreach (var chunk in chunks.Where(c => Kept.Contains(c.Type)))
        {
            output.Write(data.AsSpan(chunk.Start - 8, chunk.Length + 12));
        }

        return new Photos.Photo(output.ToArray(), "image/png", width, height);
    }

    /// <summary>The data of the eXIf chunk (PNG Third Edition; PNG extensions 1.5 before it), if the chunks up to it are readable.</summary>
    public static ReadOnlyMemory<byte>? FindExif(byte[] data)
    {
        var chunks = new List<Chunk>();
        _ = Walk(data, chunks);
        return chunks.FirstOrDefault(c => c.Type == "eXIf") is { Type: not null } exif ? data.AsMemory(exif.Start, exif.Length) : null;
    }

    // §5.3, §5.6: IHDR first, at least one IDAT, IEND last; every chunk's CRC checked. Returns why the file is broken.
    private static string? Walk(byte[] data, List<Chunk> chunks)
    {
        for (var at = Signature.Length; at + 12 <= data.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at));
            var type = data.AsSpan(at + 4, 4);
            if (length < 0 || at + 12L + length > data.Length)
            {
                return "PNG の終わりを示す IEND の前でファイルが切れています";
            }

            if (type.IndexOfAnyExcept(Letters) >= 0)
            {
                return "チャンクの名前が読めません";
            }

            if (BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at + 8 + length)) != Crc32.Of(data.AsSpan(at + 4, length + 4)))
            {
                return $"{Encoding.ASCII.GetString(type)} チャンクの CRC が合いません";
            }

            chunks.Add(new(Encoding.ASCII.GetString(type), at + 8, length));
            if (chunks.Count == 1 && (chunks[0].Type != "IHDR" || length != 13 || !Positive(data.AsSpan(at + 8, 8))))
            {
                return "先頭に画像の大きさを示す IHDR がありません";
            }

            if (chunks[^1].Type == "IEND")
            {
                return chunks.Any(c => c.Type == "IDAT") ? null : "画像データを示す IDAT がありません";
            }

            at += length + 12;
        }

        return "PNG の終わりを示す IEND の前でファイルが切れています";
    }


    // §11.2.2: width and height are 1 to 2^31 - 1.
    private static bool Positive(ReadOnlySpan<byte> size) =>
        BinaryPrimitives.ReadInt32BigEndian(size) > 0 && BinaryPrimitives.ReadInt32BigEndian(size[4..]) > 0;
}
