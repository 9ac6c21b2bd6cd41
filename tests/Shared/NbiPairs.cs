using System.Globalization;
using InfraLedger.Core.Deterioration;

namespace InfraLedger.Tests;

/// <summary>
/// Inspection pairs from the US National Bridge Inventory sample in ../shared/data/bridges/nbi_alabama_sample (the same
/// Alabama bridges in several vintages), as the domain doc §14.1 describes: one bridge = STRUCTURE_NUMBER_008 (trimmed),
/// date = DATE_OF_INSPECT_090 (MMYY), ratings mapped by <see cref="StateOfRating"/>, N = no observation.
/// Consecutive observations of a bridge's component make a pair (interval in months / 12); the same date seen in two
/// vintages is one observation; a pair whose state improved is a repair and is dropped; unchanged pairs are kept.
/// One model per component. Both our estimator and msm receive exactly these pairs.
/// </summary>
public static class NbiPairs
{
    /// <summary>
    /// Rating 0–9 → state, best first: ≥8→1, 7→2, 6→3, 5→4, ≤4→5 (absorbing). The doc's example starts at 9→1, but the
    /// sample has no pair starting at 9 or 8-and-9 apart, so a state of its own for 9 could not be estimated (by us or by msm).
    /// </summary>
    public static readonly int[] StateOfRating = [5, 5, 5, 5, 5, 4, 3, 2, 1, 1];

    public const int States = 5;

    public static readonly string[] Components = ["DECK_COND_058", "SUPERSTRUCTURE_COND_059", "SUBSTRUCTURE_COND_060"];

    public static string Folder(string repository) =>
        Path.Combine(repository, "..", "shared", "data", "bridges", "nbi_alabama_sample");

    /// <summary>The pairs of one component, in a stable order (bridge, date); improved pairs dropped (the model without works).</summary>
    public static List<InspectionPair> Read(string folder, string component) => Pairs(Series(Vintages(folder, component).Values), improvements: false);

    /// <summary>
    /// The pairs of one component from the vintages <paramref name="vintage"/> selects (all when null), improved pairs kept
    /// or dropped: consecutive observations of a bridge, the same date in two vintages being one observation (the first
    /// vintage's rating).
    /// </summary>
    public static List<InspectionPair> Read(string folder, string component, Func<int, bool>? vintage, bool improvements) =>
        Pairs(Series(Vintages(folder, component).Where(v => vintage?.Invoke(v.Key) ?? true).Select(v => v.Value)), improvements);

    /// <summary>Each vintage file (by its year) of one component: bridge → (inspection month since January 1900, state).</summary>
    public static SortedDictionary<int, Dictionary<string, (int Month, int State)>> Vintages(string folder, string component)
    {
        var vintages = new SortedDictionary<int, Dictionary<string, (int Month, int State)>>();
        foreach (var file in Directory.GetFiles(folder, "nbi_*.txt").Order(StringComparer.Ordinal))
        {
            var observations = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
            using var reader = new StreamReader(file);
            var header = Split(reader.ReadLine()!);
            int id = header.IndexOf("STRUCTURE_NUMBER_008"), date = header.IndexOf("DATE_OF_INSPECT_090"), rating = header.IndexOf(component);
            while (reader.ReadLine() is { } line)
            {
                var cells = Split(line);
                if (State(cells[rating]) is { } state && Month(cells[date]) is { } month)
                {
                    observations.TryAdd(cells[id].Trim(), (month, state));
                }
            }

            vintages[int.Parse(Path.GetFileNameWithoutExtension(file)[4..], CultureInfo.InvariantCulture)] = observations;
        }

        return vintages;
    }

    private static SortedDictionary<string, SortedDictionary<int, int>> Series(IEnumerable<Dictionary<string, (int Month, int State)>> vintages)
    {
        var observations = new SortedDictionary<string, SortedDictionary<int, int>>(StringComparer.Ordinal);
        foreach (var vintage in vintages)
        {
            foreach (var (bridge, (month, state)) in vintage)
            {
                if (!observations.TryGetValue(bridge, out var series))
                {
                    observations[bridge] = series = [];
                }

                series.TryAdd(month, state);
            }
        }

        return observations;
    }

    private static List<InspectionPair> Pairs(SortedDictionary<string, SortedDictionary<int, int>> observations, bool improvements)
    {
        var pairs = new List<InspectionPair>();
        foreach (var series in observations.Values)
        {
            var list = series.ToList();
            for (var k = 1; k < list.Count; k++)
            {
                if (improvements || list[k].Value >= list[k - 1].Value)
                {
                    pairs.Add(new InspectionPair(list[k - 1].Value, list[k].Value, (list[k].Key - list[k - 1].Key) / 12.0));
                }
            }
        }

        return pairs;
    }

    private static int? State(string rating) =>
        int.TryParse(rating.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 9
            ? StateOfRating[r]
            : null;

    /// <summary>MMYY (or MYY) as months since January 1900; two-digit years from 50 are 19xx.</summary>
    private static int? Month(string text)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 100)
        {
            return null;
        }

        int month = v / 100, year = v % 100;
        return month is < 1 or > 12 ? null : ((year >= 50 ? 1900 + year : 2000 + year) - 1900) * 12 + month - 1;
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
