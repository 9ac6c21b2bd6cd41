using System.Buffers.Binary;
using System.Text;

namespace InfraLedger.Core.Tests.Reports;

/// <summary>
/// Writes an EXIF TIFF structure (CIPA DC-008 §4.6.2) in either byte order: fields are added, then closed into an IFD
/// whose offset later IFDs can point to. Large values follow their IFD; IFD0 is written last and the header points to it.
/// </summary>
internal sealed class TiffBuilder(bool bigEndian)
{
    private readonly List<byte> bytes = [.. bigEndian ? "MM\0*"u8 : "II*\0"u8, 0, 0, 0, 0];
    private readonly List<(int Tag, int Type, int Count, byte[] Value)> fields = [];

    public TiffBuilder Ascii(int tag, string text) => Add(tag, 2, text.Length + 1, [.. Encoding.ASCII.GetBytes(text), 0]);

    public TiffBuilder Short(int tag, int value) => Add(tag, 3, 1, U16(value));

    public TiffBuilder Long(int tag, int value) => Add(tag, 4, 1, U32(value));

    public TiffBuilder Bytes(int tag, params byte[] value) => Add(tag, 1, value.Length, value);

    public TiffBuilder Rationals(int tag, params (int Numerator, int Denominator)[] values) =>
        Add(tag, 5, values.Length, [.. values.SelectMany(v => U32(v.Numerator).Concat(U32(v.Denominator)))]);

    /// <summary>Appends raw bytes (e.g. a thumbnail) and returns their offset.</summary>
    public int Blob(byte[] data)
    {
        var offset = bytes.Count;
        bytes.AddRange(data);
        Align();
        return offset;
    }

    /// <summary>Writes the fields added since the last IFD, sorted by tag as §4.6.2 requires, and returns the IFD's offset.</summary>
    public int Ifd(int next = 0)
    {
        var offset = bytes.Count;
        var sorted = fields.OrderBy(f => f.Tag).ToList();
        var valuesAt = offset + 2 + (12 * sorted.Count) + 4;
        var values = new List<byte>();
        bytes.AddRange(U16(sorted.Count));
        foreach (var (tag, type, count, value) in sorted)
        {
            bytes.AddRange([.. U16(tag), .. U16(type), .. U32(count)]);
            if (value.Length <= 4)
            {
                bytes.AddRange([.. value, .. new byte[4 - value.Length]]);
            }
            else
            {
                bytes.AddRange(U32(valuesAt + values.Count));
                values.AddRange(value);
                values.AddRange(new byte[value.Length % 2]);
            }
        }

        bytes.AddRange(U32(next));
        bytes.AddRange(values);
        fields.Clear();
        return offset;
    }

    public byte[] Build(int ifd0)
    {
        var result = bytes.ToArray();
        U32(ifd0).CopyTo(result, 4);
        return result;
    }

    private TiffBuilder Add(int tag, int type, int count, byte[] value)
    {
        fields.Add((tag, type, count, value));
        return this;
    }

    private void Align()
    {
        if (bytes.Count % 2 == 1)
        {
            bytes.Add(0);
        }
    }

    private byte[] U16(int value)
    {
        var b = new byte[2];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)value);
        }

        return b;
    }

    private byte[] U32(int value)
    {
        var b = new byte[4];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(b, (uint)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)value);
        }

        return b;
    }
}
