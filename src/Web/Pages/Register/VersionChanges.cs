using System.Text.Json.Nodes;
using InfraLedger.Core.Register;

namespace InfraLedger.Web.Pages.Register;

/// <summary>The history of an entry as rows: each version with what changed compared with the version before it.</summary>
public static class VersionChanges
{
    public sealed record FieldChange(string Label, string Before, string After);

    public sealed record Row(RegisterVersion Version, string Summary, IReadOnlyList<FieldChange> Changes);

    /// <param name="newestFirst">The versions of one entry, as <see cref="RegisterHistory.OfAsync"/> returns them.</param>
    /// <param name="labels">Field labels, in the order in which changes are listed.</param>
    public static List<Row> Of(IReadOnlyList<RegisterVersion> newestFirst, IReadOnlyDictionary<string, string> labels)
    {
        var rows = new List<Row>(newestFirst.Count);
        for (var i = 0; i < newestFirst.Count; i++)
        {
            var version = newestFirst[i];
            var previous = i + 1 < newestFirst.Count ? newestFirst[i + 1] : null;
            rows.Add(version.Deleted ? new Row(version, "削除", [])
                : previous is null ? new Row(version, "新規登録", [])
                : previous.Deleted ? new Row(version, "再登録", [])
                : Compare(version, previous, labels));
        }

        return rows;
    }

    private static Row Compare(RegisterVersion version, RegisterVersion previous, IReadOnlyDictionary<string, string> labels)
    {
        var after = JsonNode.Parse(version.Data!)!.AsObject();
        var before = JsonNode.Parse(previous.Data!)!.AsObject();
        // Fields the labels do not know (added to the model later) are listed under their own names.
        var fields = labels.Keys.Concat(after.Select(p => p.Key)).Concat(before.Select(p => p.Key)).Distinct(StringComparer.Ordinal);
        var changes = fields
            .Where(f => !JsonNode.DeepEquals(before[f], after[f]))
            .Select(f => new FieldChange(labels.GetValueOrDefault(f, f), RegisterLabels.Value(f, before[f]), RegisterLabels.Value(f, after[f])))
            .ToList();
        return new Row(version, changes.Count == 0 ? "変更なし" : "変更", changes);
    }
}
