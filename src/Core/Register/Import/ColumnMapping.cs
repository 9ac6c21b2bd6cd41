using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Register.Import;

/// <summary>
/// Which column feeds which field (by column index), plus per-file defaults: a prefix that keeps codes of
/// several files apart (e.g. parks "P-"), and the 資産種別 / 状態 of rows that do not say.
/// </summary>
public sealed record ColumnMapping(
    ImportTarget Target,
    IReadOnlyDictionary<string, int> Columns,
    string? CodePrefix = null,
    AssetKind? DefaultKind = null,
    FacilityStatus? DefaultStatus = null)
{
    /// <summary>Headers naming the 団体コード of the data: its values must be the tenant's own code.</summary>
    public static readonly string[] TenantCodeHeaders = ["都道府県コード又は市区町村コード", "団体コード", "市区町村コード", "全国地方公共団体コード"];

    /// <summary>A mapping from header names alone: exact synonym matches first, then headers containing a synonym.</summary>
    public static ColumnMapping Suggest(ImportTarget target, IReadOnlyList<string> headers)
    {
        var names = headers.Select(Key).ToList();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var taken = new HashSet<int>();
        foreach (var exact in new[] { true, false })
        {
            foreach (var field in ImportFields.For(target).Where(f => !columns.ContainsKey(f.Name)))
            {
                var synonyms = field.Synonyms.Select(Key).ToList();
                for (var i = 0; i < names.Count; i++)
                {
                    var n = names[i];
                    var matches = exact ? synonyms.Contains(n) : synonyms.Any(s => s.Length >= 2 && n.Contains(s, StringComparison.Ordinal));
                    if (n.Length > 0 && !taken.Contains(i) && matches)
                    {
                        columns[field.Name] = i;
                        taken.Add(i);
                        break;
                    }
                }
            }
        }

        // Lists often name the thing itself: 水防倉庫名, 公園名, 橋梁名 — a header ending in 名 that is not a place or body name.
        if (!columns.ContainsKey("Name"))
        {
            var name = names.FindIndex(n => n.EndsWith('名') && !NotNames.Contains(n) && !taken.Contains(names.IndexOf(n)));
            if (name >= 0)
            {
                columns["Name"] = name;
            }
        }

        return new ColumnMapping(target, columns);
    }

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal) { "団体名", "都道府県名", "市区町村名", "地方公共団体名", "町字名", "地区名", "路線名" };

    /// <summary>Identifies a file layout (target and header names), under which a tenant's mapping is remembered.</summary>
    public static string LayoutKey(ImportTarget target, IReadOnlyList<string> headers) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(target + "\n" + string.Join("\n", headers.Select(Key)))));

    /// <summary>The column holding the data's 団体コード, if the file has one.</summary>
    public static int? TenantCodeColumn(IReadOnlyList<string> headers)
    {
        var keys = TenantCodeHeaders.Select(Key).ToList();
        var index = headers.Select(Key).ToList().FindIndex(keys.Contains);
        return index >= 0 ? index : null;
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ColumnMapping? FromJson(string json) => JsonSerializer.Deserialize<ColumnMapping>(json);

    /// <summary>Header text reduced for matching: units and brackets removed, half-width, no spaces or underscores.</summary>
    internal static string Key(string header)
    {
        var name = CellText.Normalize(HeaderUnit.Split(header).Name) ?? "";
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsWhiteSpace(c) && c is not ('_' or '(' or ')' or '（' or '）' or '[' or ']' or '「' or '」' or '・'))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
