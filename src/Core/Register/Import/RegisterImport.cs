using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

using InfraLedger.Core.Tables;

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
            return Tables.Errors.NoTable(fileName, options.Sheet);
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

        Run run = options.Target == ImportTarget.Facilities
            ? new Run<Facility>(db, tenantId, table, mapping, options, nowUtc)
            : new Run<FixedAsset>(db, tenantId, table, mapping, options, nowUtc);
        await using var transaction = options.Commit ? await db.Database.BeginTransactionAsync(ct) : null;
        if (transaction is not null)
        {
            // The tenant's audit lock for the whole import: imports and edits of one tenant do not interleave.
            await db.LastAuditEventAsync(sync: false, ct);
            if (db.Database.IsNpgsql())
            {
                // Rows this transaction inserts are invisible to the planner's statistics: the key lookups of
                // changed rows must use the indexes, not scan a table the planner believes small.
                await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", ct);
            }
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
        finally
        {
            await run.DisposeAsync();
        }

        var committed = false;
        if (transaction is not null && run.ProblemCount == 0)
        {
            await run.RecordAsync(file, ct);
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

    /// <summary>
    /// One pass over the rows. A row whose key is not in the register streams straight into it (one bulk insert
    /// for the whole import, whose rows are their own first versions); rows whose key is in the register are
    /// compared in batches and, when they differ, updated with a new version through SaveChanges. Writing stops at
    /// the first problem, and the transaction is then rolled back.
    /// </summary>
    private sealed class Run<T>(AppDbContext db, string tenantId, RawTable table, ColumnMapping mapping, Options options, DateTime nowUtc)
        : Run(table, mapping, options)
        where T : class, IRegisterEntry, Tenancy.ITenantOwned
    {
        private static readonly string KeyProperty = typeof(T) == typeof(Facility) ? nameof(Facility.Code) : nameof(FixedAsset.Number);
        private readonly RowConverter converter = new(table, mapping, tenantId);
        private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
        private readonly List<T> inRegister = new(BatchSize);
        private readonly string reason = $"取込: {table.File}{(table.Sheet is null ? "" : $"［{table.Sheet}］")}";
        private readonly DateOnly validFrom = options.ValidFrom ?? DateOnly.FromDateTime(nowUtc);
        private HashSet<string> keys = [];
        private Dictionary<string, int> deleted = [];
        private HashSet<string> facilityCodes = [];
        private BulkInsert.Writer<T>? sink;
        private string? firstAdded;
        private string? lastAdded;

        private bool Writing => Options.Commit && ProblemCount == 0;

        public override async Task ProcessAsync(Stream file, IProgress<Progress>? progress, CancellationToken ct)
        {
            keys = await KeysAsync<T>(KeyProperty, ct);
            deleted = await RegisterHistory.DeletedKeysAsync(db, typeof(T) == typeof(Facility) ? RegisterEntryType.Facility : RegisterEntryType.Asset, ct);
            facilityCodes = typeof(T) == typeof(FixedAsset) ? await KeysAsync<Facility>(nameof(Facility.Code), ct) : [];
            foreach (var row in Table.Rows)
            {
                ct.ThrowIfCancellationRequested();
                Rows++;
                var entry = Convert(row);
                if (entry is not null && !keys.Contains(entry.Key))
                {
                    await AddAsync(entry, ct);
                }
                else if (entry is not null)
                {
                    inRegister.Add(entry);
                    if (inRegister.Count == BatchSize)
                    {
                        await CompareAsync(ct);
                    }
                }

                if (Rows % BatchSize == 0)
                {
                    progress?.Report(new Progress(Rows, file.CanSeek && file.Length > 0 ? (double)file.Position / file.Length : null));
                }
            }

            await CompareAsync(ct);
            await CloseSinkAsync(ct);
            progress?.Report(new Progress(Rows, 1.0));
        }

        public override async Task RecordAsync(Stream file, CancellationToken ct)
        {
            if (firstAdded is null)
            {
                return;
            }

            string? sha256 = null;
            if (file.CanSeek)
            {
                file.Position = 0;
                sha256 = System.Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(file, ct));
            }

            var summary = new ImportSummary(Table.File, Table.Sheet, sha256, reason, Added, Updated, Unchanged, firstAdded, lastAdded!);
            var last = await db.LastAuditEventAsync(sync: false, ct);
            db.AuditEvents.Add(Audit.AuditRecorder.Imported(tenantId, db.Scope.Actor, typeof(T).Name, Table.File.Length <= 200 ? Table.File : Table.File[..200],
                System.Text.Json.JsonSerializer.Serialize(summary, RegisterHistory.Json), last, nowUtc));
            await db.SaveChangesAsync(ct);
            if (db.Database.IsNpgsql() && Added >= 10_000)
            {
                // PostgreSQL has no statistics for the new rows until autovacuum comes by: without them the list pages
                // plan as if the table were empty.
                await db.Database.ExecuteSqlRawAsync(typeof(T) == typeof(Facility) ? "ANALYZE facilities" : "ANALYZE fixed_assets", ct);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            if (sink is not null)
            {
                await sink.DisposeAsync();
            }
        }

        private async Task<HashSet<string>> KeysAsync<TEntry>(string property, CancellationToken ct)
            where TEntry : class
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var key in db.Set<TEntry>().Select(e => EF.Property<string>(e, property)).AsAsyncEnumerable().WithCancellation(ct))
            {
                set.Add(key);
            }

            return set;
        }

        private T? Convert(RawRow row)
        {
            var (entry, problems) = typeof(T) == typeof(Facility)
                ? converter.ToFacility(row, nowUtc.Year) is var f ? (f.Facility as T, f.Problems) : default
                : converter.ToAsset(row) is var a ? (a.Asset as T, a.Problems) : default;
            if (entry is not null && !seen.TryAdd(entry.Key, row.SourceRow))
            {
                var label = typeof(T) == typeof(Facility) ? "施設コード" : "資産番号";
                problems.Add(new ImportProblem(new CellRef(Table.File, Table.Sheet, row.SourceRow, KeyHeader()), entry.Key,
                    Errors.DuplicateInFile(label, entry.Key, seen[entry.Key]).Message));
            }
            else if (entry is FixedAsset { FacilityCode: { } code } && !facilityCodes.Contains(code))
            {
                problems.Add(new ImportProblem(new CellRef(Table.File, Table.Sheet, row.SourceRow, Header("FacilityCode")), code, Errors.UnknownFacility(code).Message));
            }

            Report(problems);
            return problems.Count == 0 ? entry : null;
        }

        /// <summary>A new entry: counted, and written when committing (from its year built or acquisition date).</summary>
        private async Task AddAsync(T entry, CancellationToken ct)
        {
            Added++;
            if (!Writing)
            {
                return;
            }

            var from = entry switch
            {
                Facility { YearBuilt: { } y } => new DateOnly(y, 1, 1),
                FixedAsset { AcquisitionDate: { } d } => d,
                _ => validFrom,
            };
            RegisterHistory.Stamp(entry, deleted.GetValueOrDefault(entry.Key, 1), from, reason, nowUtc);
            sink ??= await BulkInsert.OpenAsync<T>(db, ct);
            await sink.WriteAsync(entry, ct);
            firstAdded ??= entry.Key;
            lastAdded = entry.Key;
        }

        /// <summary>Entries already in the register: unchanged, or updated with a new version when committing.</summary>
        private async Task CompareAsync(CancellationToken ct)
        {
            if (inRegister.Count == 0)
            {
                return;
            }

            await CloseSinkAsync(ct); // the connection is needed
            var batch = inRegister.Select(e => e.Key).ToList();
            var current = await db.Set<T>().Where(e => batch.Contains(EF.Property<string>(e, KeyProperty))).ToDictionaryAsync(e => e.Key, ct);
            foreach (var entry in inRegister)
            {
                var outcome = Writing
                    ? RegisterHistory.Apply(db, current.GetValueOrDefault(entry.Key), entry, validFrom, reason, nowUtc)
                    : RegisterHistory.Compare(current.GetValueOrDefault(entry.Key), entry);
                Count(outcome);
            }

            if (Writing)
            {
                await db.SaveChangesAsync(ct);
            }

            inRegister.Clear();
            db.ChangeTracker.Clear();
        }

        private async Task CloseSinkAsync(CancellationToken ct)
        {
            if (sink is not null)
            {
                await sink.CompleteAsync(ct);
                await sink.DisposeAsync();
                sink = null;
            }
        }
    }

    /// <summary>What the audit event of an import records (ADR 0010): the file, and which rows it added.</summary>
    private sealed record ImportSummary(string File, string? Sheet, string? Sha256, string Reason, long Added, long Updated, long Unchanged, string FirstAdded, string LastAdded);

    /// <summary>The counts and problems of one pass, whatever it imports.</summary>
    private abstract class Run(RawTable table, ColumnMapping mapping, Options options) : IAsyncDisposable
    {
        protected RawTable Table { get; } = table;

        protected Options Options { get; } = options;

        public List<ImportProblem> Problems { get; } = [];

        public long ProblemCount { get; set; }

        public long Rows { get; protected set; }

        public long Added { get; protected set; }

        public long Updated { get; private set; }

        public long Unchanged { get; private set; }

        public abstract Task ProcessAsync(Stream file, IProgress<Progress>? progress, CancellationToken ct);

        /// <summary>Writes the audit event of the rows this import added, once it is known to commit.</summary>
        public abstract Task RecordAsync(Stream file, CancellationToken ct);

        public abstract ValueTask DisposeAsync();

        protected void Count(RegisterHistory.Outcome outcome)
        {
            switch (outcome)
            {
                case RegisterHistory.Outcome.Added: Added++; break;
                case RegisterHistory.Outcome.Updated: Updated++; break;
                default: Unchanged++; break;
            }
        }

        protected void Report(List<ImportProblem> problems)
        {
            ProblemCount += problems.Count;
            Problems.AddRange(problems.Take(MaxProblemsReported - Problems.Count));
        }

        protected string? KeyHeader() => Header(Options.Target == ImportTarget.Facilities ? "Code" : "Number");

        protected string? Header(string field) => mapping.Columns.TryGetValue(field, out var c) && c < Table.Headers.Count ? Table.Headers[c] : null;
    }
}
