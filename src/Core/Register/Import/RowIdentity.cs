using System.Security.Cryptography;
using System.Text;
using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Register.Import;

/// <summary>
/// The stated rules for facility rows of a file that has no identifier or no name column (ADR 0021), e.g. the
/// 消防水利施設一覧 of the 自治体標準オープンデータセット, which names no facility.
/// <list type="bullet">
/// <item>Code: the first 10 characters (Crockford base 32) of the SHA-256 of the row's identifying cells (name or 種別,
/// 所在地, 緯度, 経度; all cells when none of them is mapped), so that the same row gets the same code on every import;
/// a second row with the same content in the file gets 「-2」, a third 「-3」.</item>
/// <item>Name: 種別 (the column mapped to 用途分類（中分類）) or else the dataset's item name, followed by the 所在地 in
/// brackets without the tenant's prefecture and municipality (「防火水そう（石津728番地2）」); without an address, by
/// the code (「防火水そう 12」). With neither a 種別 nor a recognised dataset no name is made.</item>
/// </list>
/// </summary>
public sealed class RowIdentity
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly string[] IdentityFields = ["Name", "UsageMinor", "Address", "Latitude", "Longitude"];

    private readonly int[] identityColumns;
    private readonly string? itemLabel;
    private readonly IReadOnlyList<string> placeNames;
    private readonly Dictionary<string, int> occurrences = new(StringComparer.Ordinal);

    /// <param name="mapping">The mapping in force.</param>
    /// <param name="itemLabel">What one row of a recognised standard dataset is called (消防水利), or null.</param>
    /// <param name="placeNames">The tenant's prefecture and municipality names, removed from the front of an address.</param>
    public RowIdentity(ColumnMapping mapping, string? itemLabel, IReadOnlyList<string> placeNames)
    {
        var facilities = mapping.Target == ImportTarget.Facilities;
        MakesCode = facilities && !mapping.Columns.ContainsKey("Code");
        MakesName = facilities && !mapping.Columns.ContainsKey("Name") && (mapping.Columns.ContainsKey("UsageMinor") || itemLabel is not null);
        identityColumns = [.. IdentityFields.Where(mapping.Columns.ContainsKey).Select(f => mapping.Columns[f])];
        this.itemLabel = itemLabel;
        this.placeNames = [.. placeNames.Where(p => p.Length > 0).OrderByDescending(p => p.Length)];
        IdentityLabels = [.. IdentityFields.Where(mapping.Columns.ContainsKey).Select(f => ImportFields.Facility.Single(x => x.Name == f).Label)];
    }

    public bool MakesCode { get; }

    public bool MakesName { get; }

    /// <summary>The labels of the cells a made code is the hash of (empty: all cells).</summary>
    public IReadOnlyList<string> IdentityLabels { get; }

    /// <summary>The code of a row whose file has no identifier column. Call once per row, in file order.</summary>
    public string Code(RawRow row)
    {
        var cells = identityColumns.Length > 0 ? identityColumns.Select(c => c < row.Cells.Count ? row.Cells[c] : null) : row.Cells;
        var content = string.Join('\u001F', cells.Select(c => CellText.Normalize(c)));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(content));
        var code = Base32(hash, 10);
        var n = occurrences[code] = occurrences.GetValueOrDefault(code) + 1;
        return n == 1 ? code : $"{code}-{n}";
    }

    /// <summary>The name of a row whose file has no name column, from its 種別 (or the dataset) and its address or code.</summary>
    public string Name(string? kind, string? address, string code)
    {
        var what = string.IsNullOrWhiteSpace(kind) ? itemLabel ?? "" : kind;
        var place = Place(address);
        var name = place.Length > 0 ? $"{what}（{place}）" : $"{what} {code}";
        return name.Length <= 200 ? name : name[..200];
    }

    private string Place(string? address)
    {
        var place = address?.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal) ?? "";
        foreach (var prefix in placeNames)
        {
            if (place.StartsWith(prefix, StringComparison.Ordinal) && place.Length > prefix.Length)
            {
                place = place[prefix.Length..];
            }
        }

        return place;
    }

    private static string Base32(byte[] bytes, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var bit = i * 5;
            var value = (((bytes[bit / 8] << 8) | bytes[(bit / 8) + 1]) >> (11 - (bit % 8))) & 31;
            sb.Append(Crockford[value]);
        }

        return sb.ToString();
    }
}
