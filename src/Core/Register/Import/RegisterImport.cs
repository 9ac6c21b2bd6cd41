using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register.Import;

/// <summary>
/// Imports one file into the current tenant's register. The dry run and the commit are the same pass:
/// every row is read, converted, validated and compared with the register; the commit also writes, in one
/// transaction, and rolls everything back when any problem was found or the run is cancelled
/// (all-or-nothing). Rows equal to the register change nothing (idempotent); changed rows update by
/// 施設コード / 資産番号 and get a new version. Rows stream in batches, so memory stays flat.
/// </summary>
public static class RegisterImport
{
    public const int BatchSize = 2000;
    public const int MaxProblemsReported = 1000;

    /// <summary>
    /// <paramref name="Mapping"/>: the columns chosen by the user; otherwise the tenant's remembered mapping of this
    /// layout, otherwise the suggestion. <paramref name="CodePrefix"/> and <paramref name="DefaultKind"/> override the mapping's.
    /// </summary>
    public sealed record Options(ImportTarget Target, bool Commit, ColumnMapping? Mapping = null, DateOnly? ValidFrom = null, string? Sheet = null,
        string? CodePrefix = null, AssetKind? DefaultKind = null);

    public sealed record Progress(long Rows, double? Fraction);

    public sealed record Report(
        string File, string? Sheet, ImportTarget Target, IReadOnlyList<string> Headers, int HeaderRow, ColumnMapping Mapping,
        long Rows, long Added, long Updated, long Unchanged, long ProblemCount, IReadOnlyList<ImportProblem> Problems, bool Committed)
    {
        public bool HasProblems => ProblemCount > 0;
    }

    public static async Task<Result<Report>> RunAsync(
        AppDbContext db, Stream file, string fileName, Options options, IProgress<Progress>? progress, DateTime nowUtc, CancellationToken ct)
    {
        var tenantId = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。");
        var read = TableReader.Read(file, fileName, ReadLimits.Default);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var table = options.Sheet is null ? read.Value.FirstOrDefault() : read.Value.FirstOrDefault(t => t.Sheet == options.Sheet);
        if (table is null)
        {
            return Errors.NoTable(fileName, options.Sheet);
        }

        var layoutKey = ColumnMapping.LayoutKey(options.Target, table.Headers);
        var mapping = options.Mapping ?? await RememberedAsync(db, layoutKey, ct) ?? ColumnMapping.Suggest(options.Target, table.Headers);
        mapping = mapping with { CodePrefix = options.CodePrefix ?? mapping.CodePrefix, DefaultKind = options.DefaultKind ?? mapping.DefaultKind };
        var unmapped = ImportFields.For(options.Target).Where(f => f.Required && !mapping.Columns.ContainsKey(f.Name)).ToList();
        if (unmapped.Count > 0)
        {
            var problems = unmapped.Select(f => new ImportProblem(new CellRef(fileName, table.Sheet, table.HeaderRow, null), null,
                Errors.RequiredColumnUnmapped(f.Label).Message)).ToList();
            return new Report(fileName, table.Sheet, options.Target, table.Headers, table.HeaderRow, mapping, 0, 0, 0, 0, problems.Count, problems, false);
        }

        var run = new Run(db, tenantId, table, mapping, options, nowUtc);
        await using var transaction = options.Commit ? await db.Database.BeginTransactionAsync(ct) : null;
        if (transaction is not null && db.Database.IsNpgsql())
        {
            // Rows this transaction inserts are invisible to the planner's statistics, so after a few batches it
            // would still think the table tiny and scan it for every batch's key lookup (quadratic on large
            // imports). Every query of an import is a key lookup: use the indexes.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", ct);
        }
        try
        {
            await run.ProcessAsync(file, progress, ct);
        }
        catch (ImportReadException e)
        {
            run.Problems.Add(e.Problem);
            run.ProblemCount++;
        }

        var committed = false;
        if (transaction is not null && run.ProblemCount == 0)
        {
            await RememberAsync(db, tenantId, layoutKey, mapping, nowUtc, ct);
            await transaction.CommitAsync(ct);
            committed = true;
        }

        db.ChangeTracker.Clear();
        return new Report(fileName, table.Sheet, options.Target, table.Headers, table.HeaderRow, mapping,
            run.Rows, run.Added, run.Updated, run.Unchanged, run.ProblemCount, run.Problems, committed);
    }

    private static async Task<ColumnMapping?> RememberedAsync(AppDbContext db, string layoutKey, CancellationToken ct)
    {
        var layout = await db.ImportLayouts.AsNoTracking().SingleOrDefaultAsync(l => l.LayoutKey == layoutKey, ct);
        return layout is null ? null : ColumnMapping.FromJson(layout.MappingJson);
    }

    private static async Task RememberAsync(AppDbContext db, string tenantId, string layoutKey, ColumnMapping mapping, DateTime nowUtc, CancellationToken ct)
    {
        var layout = await db.ImportLayouts.SingleOrDefaultAsync(l => l.LayoutKey == layoutKey, ct);
        if (layout is null)
        {
            db.ImportLayouts.Add(new ImportLayout { TenantId = tenantId, LayoutKey = layoutKey, MappingJson = mapping.ToJson(), UpdatedAtUtc = nowUtc });
        }
        else if (layout.MappingJson != mapping.ToJson())
        {
            layout.MappingJson = mapping.ToJson();
            layout.UpdatedAtUtc = nowUtc;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The state of one pass over the rows.</summary>
    private sealed class Run(AppDbContext db, string tenantId, RawTable table, ColumnMapping mapping, Options options, DateTime nowUtc)
    {
        private readonly RowConverter converter = new(table, mapping, tenantId);
        private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
        private readonly string reason = $"取込: {table.File}{(table.Sheet is null ? "" : $"［{table.Sheet}］")}";
        private Audit.AuditEvent? lastEvent;
        private long written;
        private long analyzedAt;

        public List<ImportProblem> Problems { get; } = [];

        public long ProblemCount { get; set; }

        public long Rows { get; private set; }

        public long Added { get; private set; }

        public long Updated { get; private set; }

        public long Unchanged { get; private set; }

        public async Task ProcessAsync(Stream file, IProgress<Progress>? progress, CancellationToken ct)
        {
            var batch = new List<(RawRow Row, IRegisterEntry Entry)>(BatchSize);
            foreach (var row in table.Rows)
            {
                ct.ThrowIfCancellationRequested();
                Rows++;
                var entry = Convert(row);
                if (entry is not null)
                {
                    batch.Add((row, entry));
                }

                if (batch.Count == BatchSize)
                {
                    await FlushAsync(batch, ct);
                    progress?.Report(new Progress(Rows, file.CanSeek && file.Length > 0 ? (double)file.Position / file.Length : null));
                }
            }

            await FlushAsync(batch, ct);
            await AnalyzeAsync(last: true, ct);
            progress?.Report(new Progress(Rows, 1.0));
        }

        private IRegisterEntry? Convert(RawRow row)
        {
            var (entry, problems) = options.Target == ImportTarget.Facilities
                ? ((IRegisterEntry?, List<ImportProblem>))converter.ToFacility(row, nowUtc.Year)
                : converter.ToAsset(row);
            if (entry is not null && !seen.TryAdd(entry.Key, row.SourceRow))
            {
                var label = options.Target == ImportTarget.Facilities ? "施設コード" : "資産番号";
                problems.Add(new ImportProblem(new CellRef(table.File, table.Sheet, row.SourceRow, KeyHeader()), entry.Key,
                    Errors.DuplicateInFile(label, entry.Key, seen[entry.Key]).Message));
                entry = null;
            }

            Report(problems);
            return problems.Count == 0 ? entry : null;
        }

        private async Task FlushAsync(List<(RawRow Row, IRegisterEntry Entry)> batch, CancellationToken ct)
        {
            if (batch.Count == 0)
            {
                return;
            }

            var validFrom = options.ValidFrom ?? DateOnly.FromDateTime(nowUtc);
            if (options.Target == ImportTarget.Facilities)
            {
                var keys = batch.Select(b => b.Entry.Key).ToList();
                var current = await db.Facilities.Where(f => keys.Contains(f.Code)).ToDictionaryAsync(f => f.Code, ct);
                // A new facility is in the register from its year built (or the import date when unknown).
                await WriteAsync(batch.Select(b => (Facility)b.Entry).ToList(), f => current.GetValueOrDefault(f.Code),
                    f => current.ContainsKey(f.Code) ? validFrom : (f.YearBuilt is { } y ? new DateOnly(y, 1, 1) : validFrom), ct);
            }
            else
            {
                var keys = batch.Select(b => b.Entry.Key).ToList();
                var current = await db.FixedAssets.Where(a => keys.Contains(a.Number)).ToDictionaryAsync(a => a.Number, ct);
                var facilityCodes = batch.Select(b => ((FixedAsset)b.Entry).FacilityCode).OfType<string>().Distinct().ToList();
                var known = (await db.Facilities.Where(f => facilityCodes.Contains(f.Code)).Select(f => f.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
                var assets = new List<FixedAsset>();
                foreach (var (row, entry) in batch)
                {
                    var a = (FixedAsset)entry;
                    if (a.FacilityCode is { } code && !known.Contains(code))
                    {
                        Report([new ImportProblem(new CellRef(table.File, table.Sheet, row.SourceRow, Header("FacilityCode")), code, Errors.UnknownFacility(code).Message)]);
                        continue;
                    }

                    assets.Add(a);
                }

                // A new asset is in the register from its acquisition date.
                await WriteAsync(assets, a => current.GetValueOrDefault(a.Number), a => current.ContainsKey(a.Number) ? validFrom : a.AcquisitionDate ?? validFrom, ct);
            }

            batch.Clear();
            db.ChangeTracker.Clear();
        }

        /// <summary>
        /// Counts what each row would do; on a commit without problems writes it: new rows with their first
        /// versions and audit events in bulk (no change tracking: imports are large), changed rows through
        /// SaveChanges, all inside the import's transaction.
        /// </summary>
        private async Task WriteAsync<T>(List<T> entries, Func<T, T?> currentOf, Func<T, DateOnly> validFromOf, CancellationToken ct)
            where T : class, IRegisterEntry, Tenancy.ITenantOwned
        {
            var write = options.Commit && ProblemCount == 0;
            var added = new List<T>();
            var versions = new List<RegisterVersion>();
            foreach (var entry in entries)
            {
                var current = currentOf(entry);
                var outcome = RegisterHistory.Compare(current, entry);
                Count(outcome);
                if (!write || outcome == RegisterHistory.Outcome.Unchanged)
                {
                    continue;
                }

                if (outcome == RegisterHistory.Outcome.Added)
                {
                    versions.Add(RegisterHistory.FirstVersion(entry, validFromOf(entry), reason, nowUtc));
                    added.Add(entry);
                }
                else
                {
                    RegisterHistory.Apply(db, current, entry, validFromOf(entry), reason, nowUtc);
                }
            }

            if (!write)
            {
                return;
            }

            if (added.Count > 0)
            {
                // The chain's tail is read once per import, then carried from batch to batch (the transaction
                // holds the tenant's audit lock); only a save of changed rows, which extends the chain itself,
                // makes it read again.
                lastEvent ??= await db.LastAuditEventAsync(sync: false, ct);
                var events = Audit.AuditRecorder.EventsForAdded(db, added, tenantId, db.Scope.Actor, lastEvent, nowUtc);
                await BulkInsert.InsertAsync(db, added, ct);
                await BulkInsert.InsertAsync(db, versions, ct);
                await BulkInsert.InsertAsync(db, events, ct);
                lastEvent = events[^1];
                written += added.Count;
                await AnalyzeAsync(last: false, ct);
            }

            if (await db.SaveChangesAsync(ct) > 0)
            {
                lastEvent = null;
            }
        }

        /// <summary>
        /// Refreshes PostgreSQL's statistics of the table being filled whenever this import has doubled what it
        /// wrote since the last time, and once at the end. Without it the planner keeps believing the table
        /// holds what it held before the import, picks any index for the next batch's key lookup and reads all
        /// rows of the tenant each time: quadratic (56 of 116 s at 1,000,000 rows), and the list pages stay
        /// slow after the import until autovacuum comes by. ANALYZE counts the transaction's own rows.
        /// </summary>
        private async Task AnalyzeAsync(bool last, CancellationToken ct)
        {
            if (!db.Database.IsNpgsql() || written == analyzedAt || (!last && written < Math.Max(10_000, 2 * analyzedAt)))
            {
                return;
            }

            await db.Database.ExecuteSqlRawAsync(options.Target == ImportTarget.Facilities ? "ANALYZE facilities" : "ANALYZE fixed_assets", ct);
            analyzedAt = written;
        }

        private void Count(RegisterHistory.Outcome outcome)
        {
            switch (outcome)
            {
                case RegisterHistory.Outcome.Added: Added++; break;
                case RegisterHistory.Outcome.Updated: Updated++; break;
                default: Unchanged++; break;
            }
        }

        private void Report(List<ImportProblem> problems)
        {
            ProblemCount += problems.Count;
            Problems.AddRange(problems.Take(MaxProblemsReported - Problems.Count));
        }

        private string? KeyHeader() => Header(options.Target == ImportTarget.Facilities ? "Code" : "Number");

        private string? Header(string field) => mapping.Columns.TryGetValue(field, out var c) && c < table.Headers.Count ? table.Headers[c] : null;
    }
}
