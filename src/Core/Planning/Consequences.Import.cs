using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tables;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Planning;

/// <summary>What an import of consequence attributes did (or, with problems, why nothing was written).</summary>
public sealed record ConsequenceImport(int Rows, int Changed, IReadOnlyList<ImportProblem> Problems, bool Written);

public static partial class Consequences
{
    public const string Vocabulary = "plan-consequences";

    /// <summary>The file's columns (vocabulary fields) and the attribute each sets; 迂回路の有無 is read the other way round.</summary>
    private static readonly (string Field, string Key, bool Number, bool Inverted)[] Columns =
    [
        ("EmergencyRoute", "emergency-route", false, false),
        ("Overpass", "overpass", false, false),
        ("NoDetour", "no-detour", false, false),
        ("Detour", "no-detour", false, true),
        ("Traffic", "traffic", true, false),
        ("Evacuation", "evacuation", false, false),
        ("Users", "users", true, false),
        ("HazardArea", "hazard-area", false, false),
    ];

    private static readonly HashSet<string> Yes = new(["○", "〇", "◯", "はい", "有", "有り", "あり", "該当", "yes", "true", "1", "y"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> No = new(["", "×", "✕", "いいえ", "無", "無し", "なし", "非該当", "no", "false", "0", "n", "-", "－"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A file of facilities (施設コード) and their attributes (緊急輸送道路, 跨線橋・跨道橋, 迂回路の有無 or 迂回路なし, 交通量,
    /// 避難所・避難路, 利用者数, 災害の危険区域), headers matched by the <c>plan-consequences</c> vocabulary. Each column in the
    /// file sets its attribute for every row (empty, ×, なし: not held); columns not in the file are left as they are.
    /// Every row is checked first, each problem located; then all is written or nothing (nothing with <paramref name="commit"/> false).
    /// </summary>
    public static async Task<Result<ConsequenceImport>> ImportAsync(AppDbContext db, Stream file, string fileName, bool commit, CancellationToken ct)
    {
        var read = TableFile.Read(file, fileName, Tables.Vocabularies.Get(Vocabulary));
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var t = read.Value;
        var problems = new ProblemList();
        problems.AddRange(t.MissingColumns());
        var present = Columns.Where(c => t.Header(c.Field) is not null).ToList();
        if (problems.Count == 0 && present.Count == 0)
        {
            problems.Add(new CellRef(fileName, t.Table.Sheet, t.Table.HeaderRow, null), null, Errors.NoAttributeColumns());
        }

        var settings = await LoadAsync(db, ct);
        var facilities = (await db.Facilities.AsNoTracking().Select(f => f.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var rows = new Dictionary<string, Dictionary<string, decimal?>>(StringComparer.Ordinal);
        try
        {
            foreach (var row in problems.Count > 0 ? [] : t.Table.Rows)
            {
                var code = CellText.Normalize(t.Cell(row, "Facility"));
                if (code.Length == 0 || !facilities.Contains(code))
                {
                    problems.Add(t.At(row, "Facility"), code, code.Length == 0 ? Errors.FacilityMissing() : Errors.FacilityNotFound(code));
                    continue;
                }

                if (rows.ContainsKey(code))
                {
                    problems.Add(t.At(row, "Facility"), code, Errors.FacilityTwice(code));
                    continue;
                }

                var values = new Dictionary<string, decimal?>(StringComparer.Ordinal);
                foreach (var column in present)
                {
                    if (settings.Factor(column.Key) is null)
                    {
                        continue;
                    }

                    var text = CellText.Normalize(t.Cell(row, column.Field));
                    if (Value(text, column.Number, column.Inverted) is { } value)
                    {
                        values[column.Key] = value;
                    }
                    else
                    {
                        problems.Add(t.At(row, column.Field), text, column.Number ? Errors.AttributeNumber(t.Vocabulary.Label(column.Field)) : Errors.AttributeFlag(t.Vocabulary.Label(column.Field)));
                    }
                }

                rows[code] = values;
            }
        }
        catch (ImportReadException e)
        {
            problems.Add(e.Problem);
        }

        if (problems.Count > 0)
        {
            return new ConsequenceImport(0, 0, problems.Items, false);
        }

        var existing = (await db.FacilityConsequences.ToListAsync(ct)).ToLookup(c => c.FacilityCode, StringComparer.Ordinal);
        var changed = rows.Sum(r => Apply(db, [.. existing[r.Key]], r.Key, r.Value));
        if (commit)
        {
            await db.SaveChangesAsync(ct);
        }
        else
        {
            db.ChangeTracker.Clear();
        }

        return new ConsequenceImport(rows.Count, changed, [], commit);
    }

    /// <summary>A cell as a value: a flag (1 or 0, the other way round for 迂回路の有無) or a figure ≥ 0; null when it is neither.</summary>
    private static decimal? Value(string text, bool number, bool inverted)
    {
        if (number)
        {
            if (text.Length == 0 || text is "-" or "－")
            {
                return 0;
            }

            var parsed = CellText.ParseNumber(text);
            return parsed.IsSuccess && parsed.Value is >= 0 ? parsed.Value : null;
        }

        if (text.Length == 0)
        {
            return 0;
        }

        var yes = Yes.Contains(text);
        return yes || No.Contains(text) ? (yes ^ inverted ? 1 : 0) : null;
    }
}
