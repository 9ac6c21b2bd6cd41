using System.Reflection;
using System.Security.Cryptography;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tables;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Indicators;

/// <summary>
/// Loads the 総務省「主要財政指標一覧」 into the indicator store: the long file (one row per body and year) or the
/// ministry's yearly workbooks as published (cities and prefectures; the year from the title, from a 年度 column or
/// given). Only the (body, fiscal year) pairs in the file are added or replaced; every other pair stays, and a year is
/// removed only by <see cref="RemoveYearAsync"/>. Every problem is reported with its row and column before anything is
/// written; a dry run reports per year what would be added, replaced and left. Values are kept as published: a blank
/// (or －, not applicable) is stored as no value, never as zero. Prefectures go to a source of their own, so that
/// municipal averages never include them.
/// </summary>
public static class FiscalIndicatorImport
{
    public const string SourceId = "soumu-shuyo-zaisei-shihyo";
    public const string PrefectureSourceId = "soumu-shuyo-zaisei-shihyo-prefectures";
    public const string EmbeddedFile = "soumu_municipal_fiscal_indicators_H23-R3.csv";

    /// <param name="Commit">False: a dry run, nothing written.</param>
    /// <param name="Year">The fiscal year of a file that has no 年度 column (and whose title states none, or the same).</param>
    /// <param name="ReplaceExisting">False: pairs already stored are left as they are, only missing ones are added (the demo seed).</param>
    public sealed record Options(bool Commit = true, int? Year = null, bool ReplaceExisting = true);

    /// <summary>The file shipped with the application (demo seed, see <c>Indicators/Data/SOURCE.md</c>): adds what is missing, replaces nothing.</summary>
    public static async Task<MergeOutcome> ImportEmbeddedAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("indicators/" + EmbeddedFile)
            ?? throw new InvalidOperationException($"埋め込みリソースがありません: {EmbeddedFile}");
        var result = await ImportAsync(db, stream, EmbeddedFile, new Options(ReplaceExisting: false), nowUtc, ct);
        return result.IsSuccess && !result.Value.HasProblems ? result.Value : throw new InvalidDataException($"同梱の主要財政指標を読めません: {result.Error?.Message ?? result.Value.Problems[0].ToString()}");
    }

    public static async Task<Result<MergeOutcome>> ImportAsync(AppDbContext db, Stream file, string fileName, Options options, DateTime nowUtc, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        var loaded = await db.StatisticsSources.AsNoTracking().Where(s => s.Id == SourceId || s.Id == PrefectureSourceId).ToListAsync(ct);
        if (!options.ReplaceExisting && loaded.Any(s => s.Sha256 == sha))
        {
            // The same file was the last one loaded, and nothing can have changed it since.
            return new MergeOutcome(loaded.Sum(s => s.RowCount), [], 0, [], false, []) { SameFileAsLoaded = true };
        }

        buffer.Position = 0;
        var read = TableFile.Read(buffer, fileName, Vocabularies.Get(Vocabularies.FiscalIndicators));
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var problems = new ProblemList();
        var parsed = FiscalIndicatorRows.Read(read.Value, options.Year, await BodiesAsync(db, ct), problems);
        if (problems.Count > 0)
        {
            return MergeOutcome.Refused(parsed.Rows, problems, read.Value.Match.Notes);
        }

        var (tally, changed) = await CompareAsync(db, parsed.Pairs, options.ReplaceExisting, ct);
        var committed = options.Commit && changed.Count > 0;
        if (committed)
        {
            await WriteAsync(db, changed, sha, nowUtc, ct);
        }

        return new MergeOutcome(parsed.Rows, tally.Years, 0, [], committed, read.Value.Match.Notes)
        {
            Skipped = parsed.Skipped,
            SkippedReason = parsed.SkippedExample is null ? null : $"平均・合計の行（{parsed.SkippedExample}など）",
        };
    }

    /// <summary>Removes one fiscal year of the loaded figures (cities and prefectures); the only way a year goes.</summary>
    public static async Task<int> RemoveYearAsync(AppDbContext db, int fiscalYear, DateTime nowUtc, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.PublicIndicatorValues.Where(v => (v.SourceId == SourceId || v.SourceId == PrefectureSourceId) && v.FiscalYear == fiscalYear).ExecuteDeleteAsync(ct);
        foreach (var source in await db.StatisticsSources.Where(s => s.Id == SourceId || s.Id == PrefectureSourceId).ToListAsync(ct))
        {
            source.RowCount = await PairsAsync(db, source.Id, ct);
            source.LoadedAtUtc = nowUtc;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return removed;
    }

    /// <summary>The source as it is credited wherever its figures appear.</summary>
    public static StatisticsSource Describe(string id = SourceId) => new()
    {
        Id = id,
        Title = id == PrefectureSourceId ? "主要財政指標一覧（全都道府県）" : "主要財政指標一覧（全市町村）",
        Publisher = "総務省",
        Licence = "CC BY 4.0（総務省ウェブサイト利用規約・政府標準利用規約 第2.0版 互換）",
        Attribution = "出典：総務省『主要財政指標一覧』",
        Url = "https://www.soumu.go.jp/iken/shihyo_ichiran.html",
        Note = "年度別の一覧（総務省の公表ファイルまたは passaglia/japandata-sources の縦持ち派生ファイル）。数値は表記のまま、－は空欄。",
        Sha256 = "",
    };

    /// <summary>Per year what the file adds, replaces and leaves, and the pairs to write.</summary>
    private static async Task<(YearTally Tally, List<FiscalPair> Changed)> CompareAsync(AppDbContext db, List<FiscalPair> pairs, bool replace, CancellationToken ct)
    {
        var years = pairs.Select(p => p.Year).Distinct().ToList();
        var sources = pairs.Select(p => p.SourceId).Distinct().ToList();
        var stored = (await db.PublicIndicatorValues.AsNoTracking().Where(v => sources.Contains(v.SourceId) && years.Contains(v.FiscalYear)).ToListAsync(ct))
            .GroupBy(v => (v.SourceId, v.Code, v.FiscalYear))
            .ToDictionary(g => g.Key, g => g.ToList());
        var tally = new YearTally();
        var changed = new List<FiscalPair>();
        foreach (var pair in pairs)
        {
            if (!stored.TryGetValue((pair.SourceId, pair.Code, pair.Year), out var values))
            {
                tally.Added(pair.Year);
                changed.Add(pair);
            }
            else if (!replace || Same(values, pair))
            {
                tally.Unchanged(pair.Year);
            }
            else
            {
                tally.Replaced(pair.Year);
                changed.Add(pair);
            }
        }

        return (tally, changed);
    }

    private static bool Same(List<PublicIndicatorValue> stored, FiscalPair pair) =>
        stored.Count == pair.Texts.Count
        && stored.All(v => pair.Texts.TryGetValue(v.Indicator, out var text) && text == v.Text && v.BodyName == pair.BodyName && v.PrefectureName == pair.PrefectureName);

    /// <summary>Replaces the changed pairs in one transaction: their old values out, the file's in.</summary>
    private static async Task WriteAsync(AppDbContext db, List<FiscalPair> changed, string sha, DateTime nowUtc, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sources = new List<StatisticsSource>();
        foreach (var id in changed.Select(p => p.SourceId).Distinct())
        {
            var source = await db.StatisticsSources.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (source is null)
            {
                source = Describe(id);
                db.StatisticsSources.Add(source);
            }

            sources.Add(source);
        }

        await db.SaveChangesAsync(ct); // the values refer to their source
        foreach (var group in changed.GroupBy(p => (p.SourceId, p.Year)))
        {
            foreach (var chunk in group.Select(p => p.Code).Chunk(1000))
            {
                await db.PublicIndicatorValues.Where(v => v.SourceId == group.Key.SourceId && v.FiscalYear == group.Key.Year && chunk.Contains(v.Code)).ExecuteDeleteAsync(ct);
            }
        }

        await BulkInsert.InsertAsync(db, [.. changed.SelectMany(p => p.Texts.Select(t => new PublicIndicatorValue
        {
            Code = p.Code, FiscalYear = p.Year, Indicator = t.Key, Text = t.Value, PrefectureName = p.PrefectureName, BodyName = p.BodyName, SourceId = p.SourceId,
        }))], ct);
        foreach (var source in sources)
        {
            source.Sha256 = sha;
            source.RowCount = await PairsAsync(db, source.Id, ct);
            source.LoadedAtUtc = nowUtc;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static Task<int> PairsAsync(AppDbContext db, string sourceId, CancellationToken ct) =>
        db.PublicIndicatorValues.Where(v => v.SourceId == sourceId).Select(v => new { v.Code, v.FiscalYear }).Distinct().CountAsync(ct);

    /// <summary>Body codes by (prefecture name, body name), a prefecture also by (its name, its name): for files without 団体コード.</summary>
    private static async Task<IReadOnlyDictionary<(string, string), string>> BodiesAsync(AppDbContext db, CancellationToken ct)
    {
        var all = await db.LocalGovernments.AsNoTracking().Select(b => new { b.Code, b.Name, b.PrefectureCode }).ToListAsync(ct);
        var prefectures = all.Where(b => b.Code == b.PrefectureCode).ToDictionary(b => b.Code, b => b.Name);
        var bodies = new Dictionary<(string, string), string>();
        foreach (var body in all)
        {
            var prefecture = prefectures.GetValueOrDefault(body.PrefectureCode, "");
            bodies.TryAdd(body.Code == body.PrefectureCode ? (body.Name, body.Name) : (prefecture, body.Name), body.Code);
        }

        return bodies;
    }
}
