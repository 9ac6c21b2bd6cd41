using InfraLedger.Core.Database;
using InfraLedger.Core.Tables;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register.Import;

public static partial class RegisterImport
{
    /// <summary>
    /// One pass over the rows. A row whose key is not in the register streams straight into it (one bulk insert
    /// for the whole import, whose rows are their own first versions); rows whose key is in the register are
    /// compared in batches and, when they differ, updated with a new version through SaveChanges. Writing stops at
    /// the first problem, or at the first overwrite that needs a confirmation not given, and the transaction is then
    /// rolled back.
    /// </summary>
    private sealed class Run<T>(
        AppDbContext db, string tenantId, RawTable table, ColumnMapping mapping, RowConverter converter, Options options, string source, bool checkOnly, DateTime nowUtc)
        : Run(table, mapping, options)
        where T : class, IRegisterEntry, Tenancy.ITenantOwned
    {
        private static readonly string KeyProperty = typeof(T) == typeof(Facility) ? nameof(Facility.Code) : nameof(FixedAsset.Number);
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

        private bool Writing => Options.Commit && !checkOnly && ProblemCount == 0 && !HeldBack;

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
                if (entry is null || checkOnly)
                {
                    // counted and checked; with a required column missing nothing is compared or written
                }
                else if (!keys.Contains(entry.Key))
                {
                    await AddAsync(entry, ct);
                }
                else
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
            if (db.RowBatch is not { } batch || batch.Leaves.Count == 0)
            {
                db.RowBatch = null;
                return; // nothing added or changed: no event
            }

            string? sha256 = null;
            if (file.CanSeek)
            {
                file.Position = 0;
                sha256 = System.Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(file, ct));
            }

            var summary = new ImportSummary(Table.File, Table.Sheet, sha256, reason, Added, Updated, Unchanged, firstAdded, lastAdded);
            var last = await db.LastAuditEventAsync(sync: false, ct);
            db.RowBatch = null;
            db.AuditEvents.Add(Audit.AuditRecorder.Imported(tenantId, db.Scope.Actor, typeof(T).Name, Table.File.Length <= 200 ? Table.File : Table.File[..200],
                System.Text.Json.JsonSerializer.Serialize(summary, RegisterHistory.Json), batch, last, nowUtc));
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
            if (entry is not null && !checkOnly && !seen.TryAdd(entry.Key, row.SourceRow))
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
            if (entry is not null)
            {
                entry.ImportSource = source;
            }

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
            db.RowBatch!.Add(entry);
            sink ??= await BulkInsert.OpenAsync<T>(db, ct);
            await sink.WriteAsync(entry, ct);
            firstAdded ??= entry.Key;
            lastAdded = entry.Key;
        }

        /// <summary>
        /// Entries already in the register: unchanged, or updated with a new version when committing. An update that
        /// changes an entry's kind, or of an entry another file (or a person) wrote, is counted first: without the
        /// confirmation it holds the commit back.
        /// </summary>
        private async Task CompareAsync(CancellationToken ct)
        {
            if (inRegister.Count == 0)
            {
                return;
            }

            await CloseSinkAsync(ct); // the connection is needed
            var batch = inRegister.Select(e => e.Key).ToList();
            var current = await db.Set<T>().Where(e => batch.Contains(EF.Property<string>(e, KeyProperty))).ToDictionaryAsync(e => e.Key, ct);
            var outcomes = inRegister.Select(e => (Entry: e, Current: current.GetValueOrDefault(e.Key), Outcome: RegisterHistory.Compare(current.GetValueOrDefault(e.Key), e))).ToList();
            foreach (var (entry, existing, _) in outcomes.Where(o => o.Outcome == RegisterHistory.Outcome.Updated))
            {
                NoteOverwrite(KindOf(existing!), KindOf(entry), existing!.ImportSource == source ? null : existing.ImportSource ?? "手入力・画面で編集");
            }

            foreach (var (entry, existing, outcome) in outcomes)
            {
                Count(Writing ? RegisterHistory.Apply(db, existing, entry, validFrom, reason, nowUtc) : outcome);
            }

            if (Writing)
            {
                await db.SaveChangesAsync(ct);
            }

            inRegister.Clear();
            db.ChangeTracker.Clear();
        }

        /// <summary>What an entry is, for the overwrite question: 資産種別 and 用途 (facilities) or 勘定科目 and 用途 (assets).</summary>
        private static string KindOf(T entry) => entry switch
        {
            Facility f => FacilityRegister.KindLabel(f.Kind) + ((f.UsageMinor ?? f.UsageMajor) is { } usage ? $"（{usage}）" : ""),
            FixedAsset a => a.Account + (a.Usage is { } usage ? $"（{usage}）" : ""),
            _ => "",
        };

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

    /// <summary>The counts and problems of one pass, whatever it imports.</summary>
    private abstract class Run(RawTable table, ColumnMapping mapping, Options options) : IAsyncDisposable
    {
        private readonly ProblemList problems = new();
        private readonly Dictionary<string, long> kindChanges = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> notWritten = new(StringComparer.Ordinal);

        protected RawTable Table { get; } = table;

        protected Options Options { get; } = options;

        public IReadOnlyList<ImportProblem> Problems => problems.Items;

        public long ProblemCount => problems.Count;

        public long Rows { get; protected set; }

        public long Added { get; protected set; }

        public long Updated { get; private set; }

        public long Unchanged { get; private set; }

        /// <summary>An overwrite needs a confirmation that was not given: nothing may be written.</summary>
        public bool HeldBack => (kindChanges.Count > 0 || notWritten.Count > 0) && !Options.AllowOverwrite;

        public Overwrites Overwrites => new(
            kindChanges.Values.Sum(), [.. kindChanges.OrderByDescending(k => k.Value).Select(k => new KindCount(k.Key, k.Value))],
            notWritten.Values.Sum(), [.. notWritten.OrderByDescending(k => k.Value).Select(k => new KindCount(k.Key, k.Value))]);

        public abstract Task ProcessAsync(Stream file, IProgress<Progress>? progress, CancellationToken ct);

        /// <summary>Writes the audit event of the rows this import added, once it is known to commit.</summary>
        public abstract Task RecordAsync(Stream file, CancellationToken ct);

        public abstract ValueTask DisposeAsync();

        public void Report(IEnumerable<ImportProblem> found) => problems.AddRange(found);

        /// <param name="before">The kind of the existing row.</param>
        /// <param name="after">The kind the file gives it.</param>
        /// <param name="writtenBy">Who wrote the existing row when it was not this file (another file's name, or by hand); null when this file did.</param>
        protected void NoteOverwrite(string before, string after, string? writtenBy)
        {
            if (before != after)
            {
                var change = $"{before}→{after}";
                kindChanges[change] = kindChanges.GetValueOrDefault(change) + 1;
            }

            if (writtenBy is not null)
            {
                var key = $"{before}：{writtenBy}";
                notWritten[key] = notWritten.GetValueOrDefault(key) + 1;
            }
        }

        protected void Count(RegisterHistory.Outcome outcome)
        {
            switch (outcome)
            {
                case RegisterHistory.Outcome.Added: Added++; break;
                case RegisterHistory.Outcome.Updated: Updated++; break;
                default: Unchanged++; break;
            }
        }

        protected string? KeyHeader() => Header(Options.Target == ImportTarget.Facilities ? "Code" : "Number");

        protected string? Header(string field) => mapping.Columns.TryGetValue(field, out var c) && c < Table.Headers.Count ? Table.Headers[c] : null;
    }
}
