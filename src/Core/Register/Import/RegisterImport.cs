using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tables;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register.Import;

/// <summary>
/// Imports one file into the current tenant's register. The dry run and the commit are the same pass:
/// every row is read, converted, validated and compared with the register; the commit also writes, in one
/// transaction, and rolls everything back when any problem was found or the run is cancelled
/// (all-or-nothing). Rows equal to the register change nothing (idempotent); changed rows update by
/// 施設コード / 資産番号 and get a new version. Rows stream in batches, so memory stays flat.
/// Every choice in force (the mapping and where it comes from, the code prefix, the default kind, made codes and
/// names) is in the report; a commit that would change the kind of existing rows or overwrite rows this file did
/// not write is held back unless <see cref="Options.AllowOverwrite"/> (ADR 0021).
/// </summary>
public static partial class RegisterImport
{
    public const int BatchSize = 2000;
    public const int MaxProblemsReported = ProblemList.Max;

    /// <summary>
    /// <paramref name="Mapping"/>: the columns chosen by the user; otherwise the tenant's remembered mapping of this
    /// layout, otherwise the suggestion. <paramref name="CodePrefix"/> and <paramref name="DefaultKind"/> override the
    /// mapping's ("" clears the prefix).
    /// </summary>
    public sealed record Options(ImportTarget Target, bool Commit, ColumnMapping? Mapping = null, DateOnly? ValidFrom = null, string? Sheet = null,
        string? CodePrefix = null, AssetKind? DefaultKind = null)
    {
        /// <summary>列名=項目 changes applied over the mapping in force (<c>--map</c>): a header or 「列3」, and a field name or label ("" unmaps).</summary>
        public IReadOnlyList<(string Column, string Field)> Overrides { get; init; } = [];

        /// <summary>The user confirmed that existing rows may change kind or be overwritten (<c>--allow-overwrite</c>, the page's check box).</summary>
        public bool AllowOverwrite { get; init; }
    }

    public sealed record Progress(long Rows, double? Fraction);

    /// <summary>A choice in force for this import, and where it comes from.</summary>
    public sealed record Choice(string What, string Value, string Origin);

    /// <summary>How many existing rows, of which kind (資産種別・用途, or 勘定科目 for assets).</summary>
    public sealed record KindCount(string Kind, long Count);

    /// <summary>
    /// Existing rows the import would change in a way that may be a mistake: rows whose kind changes, and rows this file
    /// did not write (another file's, or entered or edited by hand).
    /// </summary>
    public sealed record Overwrites(long KindChanges, IReadOnlyList<KindCount> Changes, long NotWritten, IReadOnlyList<KindCount> NotWrittenKinds)
    {
        public static readonly Overwrites None = new(0, [], 0, []);

        public bool Any => KindChanges + NotWritten > 0;

        /// <summary>The question the CLI and the page ask, in Japanese.</summary>
        public string Question =>
            string.Join(" ", new[]
            {
                KindChanges > 0 ? $"既存の {KindChanges:N0} 件の種別が変わります（{string.Join("、", Changes.Select(c => $"{c.Kind} {c.Count:N0}件"))}）。" : null,
                NotWritten > 0 ? $"このファイルで取り込んでいない既存の {NotWritten:N0} 件を上書きします（{string.Join("、", NotWrittenKinds.Select(c => $"{c.Kind} {c.Count:N0}件"))}）。" : null,
            }.OfType<string>());
    }

    public sealed record Outcome(
        string File, string? Sheet, ImportTarget Target, IReadOnlyList<string> Headers, int HeaderRow, ColumnMapping Mapping,
        long Rows, long Added, long Updated, long Unchanged, long ProblemCount, IReadOnlyList<ImportProblem> Problems, bool Committed)
    {
        /// <summary>Why each column is (not) read.</summary>
        public IReadOnlyList<ColumnNote> Notes { get; init; } = [];

        /// <summary>Every choice in force: mapping origin, code prefix, default kind, made codes and names, dataset.</summary>
        public IReadOnlyList<Choice> InForce { get; init; } = [];

        public Overwrites Overwrites { get; init; } = Overwrites.None;

        /// <summary>The commit is held back (or would be) until the overwrite is confirmed.</summary>
        public bool NeedsConfirmation { get; init; }

        public bool HasProblems => ProblemCount > 0;
    }

    public static async Task<Result<Outcome>> RunAsync(
        AppDbContext db, Stream file, string fileName, Options options, IProgress<Progress>? progress, DateTime nowUtc, CancellationToken ct)
    {
        var tenantId = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。");
        var read = TableFile.ReadAll(file, fileName);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var table = options.Sheet is null ? (read.Value.Count > 0 ? read.Value[0] : null) : read.Value.FirstOrDefault(t => t.Sheet == options.Sheet);
        if (table is null)
        {
            return Tables.Errors.NoTable(fileName, options.Sheet);
        }

        var plan = await PlanAsync(db, table, options, ct);
        if (!plan.IsSuccess)
        {
            return plan.Error!;
        }

        var (mapping, converter, notes, inForce, layoutKey) = plan.Value;
        var unmapped = converter.Unmapped.Select(f => new ImportProblem(new CellRef(fileName, table.Sheet, table.HeaderRow, null), null,
            Errors.RequiredColumnUnmapped(ImportFields.For(options.Target).Single(x => x.Name == f).Label).Message)).ToList();
        var checkOnly = unmapped.Count > 0;
        // The rows a file wrote carry its name: a later import of another file that would change them asks first.
        var source = SourceOf(table);
        Run run = options.Target == ImportTarget.Facilities
            ? new Run<Facility>(db, tenantId, table, mapping, converter, options, source, checkOnly, nowUtc)
            : new Run<FixedAsset>(db, tenantId, table, mapping, converter, options, source, checkOnly, nowUtc);
        run.Report(unmapped);
        await using var transaction = options.Commit && !checkOnly ? await db.Database.BeginTransactionAsync(ct) : null;
        if (transaction is not null)
        {
            // The tenant's audit lock for the whole import: imports and edits of one tenant do not interleave. Every row the
            // import writes, added or updated, carries the sequence of its one event, which covers them all (ADR 0010, 0005).
            var last = await db.LastAuditEventAsync(sync: false, ct);
            db.RowBatch = new Audit.RowBatch((last?.Sequence ?? 0) + 1);
            if (db.Database.IsNpgsql())
            {
                // Rows this transaction inserts are invisible to the planner's statistics: the key lookups of
                // changed rows must use the indexes, not scan a table the planner believes small.
                await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", ct);
            }
        }

        var committed = false;
        try
        {
            try
            {
                await run.ProcessAsync(file, progress, ct);
            }
            catch (ImportReadException e)
            {
                run.Report([e.Problem]);
            }
            finally
            {
                await run.DisposeAsync();
            }

            if (transaction is not null && run.ProblemCount == 0 && !run.HeldBack)
            {
                await run.RecordAsync(file, ct);
                await RememberAsync(db, tenantId, layoutKey, mapping, nowUtc, ct);
                await transaction.CommitAsync(ct);
                committed = true;
            }
        }
        finally
        {
            db.RowBatch = null;
        }

        db.ChangeTracker.Clear();
        return new Outcome(fileName, table.Sheet, options.Target, table.Headers, table.HeaderRow, mapping,
            run.Rows, run.Added, run.Updated, run.Unchanged, run.ProblemCount, run.Problems, committed)
        {
            Notes = notes,
            InForce = inForce,
            Overwrites = run.Overwrites,
            NeedsConfirmation = run.Overwrites.Any && !options.AllowOverwrite,
        };
    }

    /// <summary>The file (and sheet) an import reads, as its rows record it: at most 200 characters.</summary>
    private static string SourceOf(RawTable table)
    {
        var name = table.File + (table.Sheet is null ? "" : $"［{table.Sheet}］");
        return name.Length <= 200 ? name : name[..200];
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
    /// What the audit event of an import records (ADR 0010): the file, the counts and the first and last key added; the rows
    /// it wrote (added and updated) carry the event's sequence and its digest covers them.
    /// </summary>
    private sealed record ImportSummary(string File, string? Sheet, string? Sha256, string Reason, long Added, long Updated, long Unchanged, string? FirstAdded, string? LastAdded);
}
