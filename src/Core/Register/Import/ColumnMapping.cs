using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Register.Import;

/// <summary>
/// Which column feeds which field (by column index), plus per-file defaults: a prefix that keeps codes of
/// several files apart (e.g. parks "P-"), and the 資産種別 / 状態 of rows that do not say. This is the JSON the
/// page remembers per layout and <c>import --mapping</c> reads.
/// </summary>
public sealed record ColumnMapping(
    ImportTarget Target,
    IReadOnlyDictionary<string, int> Columns,
    string? CodePrefix = null,
    AssetKind? DefaultKind = null,
    FacilityStatus? DefaultStatus = null)
{
    /// <summary>
    /// The mapping suggested from a table alone (ADR 0021): headers matched whole against the vocabulary, the standard
    /// dataset the headers show (its 資産種別 and, when its numbering is its own, its code prefix), or the kind a name
    /// header names (公園名 → 公園); every column with its reason.
    /// </summary>
    public static Suggestion Suggest(ImportTarget target, RawTable table)
    {
        var vocabulary = ImportFields.VocabularyOf(target);
        var match = HeaderMatcher.Match(vocabulary, table, ImportFields.IdentityFields(target));
        var columns = match.Columns.Where(c => c.Key != "TenantCode").ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var dataset = target == ImportTarget.Facilities ? Vocabularies.Recognise(table.Headers) : null;
        var (kind, kindReason) = dataset is not null && Enum.TryParse<AssetKind>(dataset.Kind, out var datasetKind)
            ? (datasetKind, $"標準データセット「{dataset.Name}」の既定")
            : NameHint(vocabulary, table, columns);
        var mapping = new ColumnMapping(target, columns, dataset?.CodePrefix, kind);
        return new Suggestion(mapping, match.Notes, dataset, match.Column("TenantCode"), kindReason);
    }

    /// <summary>A suggested mapping with its reasons: a note per column, the standard dataset, where 団体コード is.</summary>
    public sealed record Suggestion(ColumnMapping Mapping, IReadOnlyList<ColumnNote> Notes, StandardDataset? Dataset, int? TenantCodeColumn, string? KindReason);

    /// <summary>Identifies a file layout (target and header names), under which a tenant's mapping is remembered.</summary>
    public static string LayoutKey(ImportTarget target, IReadOnlyList<string> headers) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(target + "\n" + string.Join("\n", headers.Select(HeaderKey.Of)))));

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ColumnMapping? FromJson(string json) => JsonSerializer.Deserialize<ColumnMapping>(json);

    /// <summary>「公園名」 names parks: the noun before 名 may say the 資産種別 (vocabulary nameHints).</summary>
    private static (AssetKind? Kind, string? Reason) NameHint(Vocabulary vocabulary, RawTable table, Dictionary<string, int> columns)
    {
        if (!columns.TryGetValue("Name", out var column) || HeaderMatcher.NameStem(vocabulary, table.Headers[column]) is not { } stem
            || !vocabulary.NameHints.TryGetValue(stem, out var hinted) || !Enum.TryParse<AssetKind>(hinted, out var kind))
        {
            return (null, null);
        }

        return (kind, $"名称の見出し「{table.Headers[column]}」から");
    }
}
