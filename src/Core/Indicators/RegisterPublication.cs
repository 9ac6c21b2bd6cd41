using System.Globalization;
using System.Text.Json;
using InfraLedger.Core.Audit;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Indicators;

/// <summary>
/// A tenant's register figures for a fiscal year (<see cref="IndicatorDefinition.Register"/>), published into the public
/// indicator store under one source, so that tenants can be compared with their 類似団体, prefecture and nation as far
/// as bodies have published (no national file of these figures is loaded: indicators.md §1.3). Publishing is the
/// tenant's act, writes only its own code, replaces its earlier figures of that year and is one audit event.
/// </summary>
public static class RegisterPublication
{
    public const string SourceId = "infraledger-register";

    public const string Licence = "CC BY 4.0";

    /// <summary>The comparison of the tenant's current figures with what bodies published for the same year.</summary>
    public sealed record Comparison(IReadOnlyList<PublicIndicators.Figure> Figures, PublicIndicators.Peers Peers, int Publishers, Published Own);

    public enum Published
    {
        No,
        Same,      // the published figures are the current ones
        Different, // the register or the population changed since
    }

    public static StatisticsSource NewSource(DateTime nowUtc) => new()
    {
        Id = SourceId,
        Title = "固定資産台帳から集計した指標（InfraLedger 利用団体が公表）",
        Publisher = "各団体",
        Licence = Licence,
        Attribution = "出典：各団体が固定資産台帳から InfraLedger で集計・公表した値",
        Note = "計算方法（償却開始時期・端数処理・物品の扱い）は団体ごとの設定による。施設類型の区分は未検証。",
        Sha256 = "",
        LoadedAtUtc = nowUtc,
    };

    /// <summary>The report's figures by indicator id, unrounded; null where the register or the population gives none.</summary>
    public static Dictionary<string, decimal?> Values(IndicatorReport report)
    {
        var values = new Dictionary<string, decimal?>(StringComparer.Ordinal) { [IndicatorDefinition.AgingRatio] = report.Register.Total.Ratio };
        foreach (var m in PerResident.Measures)
        {
            values[m.Id] = PerResident.Of(m.Stock(report.Register.Facilities), report.Population?.Population);
        }

        foreach (var row in report.Stock)
        {
            values[IndicatorDefinition.StockRatioPrefix + row.Type.Name] = row.Assets.Ratio;
        }

        return values;
    }

    /// <summary>A value as stored: at most 4 decimals, invariant digits (the store keeps texts).</summary>
    public static string? Text(decimal? value) =>
        value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture) : null;

    /// <summary>Publishes the report's figures for the scope's tenant (the report must be the tenant's own); returns how many.</summary>
    public static async Task<Result<int>> PublishAsync(AppDbContext db, IndicatorReport report, DateTime nowUtc, CancellationToken ct)
    {
        var code = db.Scope.TenantId ?? throw new InvalidOperationException("公表にはテナントの作業単位が必要です。");
        if (report.Register.Total.Assets == 0)
        {
            return Errors.NoRegisterData($"{report.Year.Year}年度末の有形固定資産減価償却率");
        }

        var body = await db.LocalGovernments.AsNoTracking().SingleAsync(l => l.Code == code, ct);
        var prefecture = await db.LocalGovernments.AsNoTracking().Where(l => l.Code == body.PrefectureCode).Select(l => l.Name).SingleAsync(ct);
        var rows = Values(report).Select(v => (v.Key, Text: Text(v.Value))).Where(v => v.Text is not null)
            .Select(v => new PublicIndicatorValue
            {
                Code = code, FiscalYear = report.Year.Year, Indicator = v.Key, Text = v.Text, PrefectureName = prefecture, BodyName = body.Name, SourceId = SourceId,
            }).ToList();

        // The public page's projection is computed now, once per publication, never when an anonymous reader asks (F5).
        var projection = Projection.Projections.Run(db, Projection.Presets.Find(Projection.Presets.Baseline)!.Parameters, report.Year.Year + 1, null, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var last = await db.LastAuditEventAsync(sync: false, ct);
        await db.PublicIndicatorValues.Where(v => v.SourceId == SourceId && v.Code == code && v.FiscalYear == report.Year.Year).ExecuteDeleteAsync(ct);
        await db.PublishedProjections.Where(p => p.Code == code && p.FiscalYear == report.Year.Year).ExecuteDeleteAsync(ct);
        db.PublishedProjections.Add(PublishedProjection.Of(code, report.Year.Year, projection, nowUtc));
        if (await db.StatisticsSources.SingleOrDefaultAsync(s => s.Id == SourceId, ct) is not { } source)
        {
            db.StatisticsSources.Add(source = NewSource(nowUtc));
            await db.SaveChangesAsync(ct);
        }

        db.PublicIndicatorValues.AddRange(rows);
        var summary = new { FiscalYear = report.Year.Year, Settings = report.Settings.Label, Values = rows.ToDictionary(r => r.Indicator, r => r.Text) };
        Stamp(source, $"{code}:{JsonSerializer.Serialize(summary, Register.RegisterHistory.Json)}", nowUtc);
        db.AuditEvents.Add(AuditRecorder.Summary("Published", code, db.Scope.Actor, nameof(PublicIndicatorValue), report.Year.Year.ToString(CultureInfo.InvariantCulture),
            JsonSerializer.Serialize(summary, Register.RegisterHistory.Json), last, nowUtc));
        await db.SaveChangesAsync(ct);
        source.RowCount = await db.PublicIndicatorValues.CountAsync(v => v.SourceId == SourceId, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return rows.Count;
    }

    /// <summary>Withdraws the tenant's published figures of a year (one audit event); returns how many were removed.</summary>
    public static async Task<int> WithdrawAsync(AppDbContext db, FiscalYear year, DateTime nowUtc, CancellationToken ct)
    {
        var code = db.Scope.TenantId ?? throw new InvalidOperationException("公表の取下げにはテナントの作業単位が必要です。");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var last = await db.LastAuditEventAsync(sync: false, ct);
        var removed = await db.PublicIndicatorValues.Where(v => v.SourceId == SourceId && v.Code == code && v.FiscalYear == year.Year).ExecuteDeleteAsync(ct);
        await db.PublishedProjections.Where(p => p.Code == code && p.FiscalYear == year.Year).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            // Stamp the source, so that every copy of the published figures is taken again (PublicStore).
            var source = await db.StatisticsSources.SingleAsync(s => s.Id == SourceId, ct);
            Stamp(source, $"{code}:{year.Year}:withdrawn", nowUtc);
            source.RowCount = await db.PublicIndicatorValues.CountAsync(v => v.SourceId == SourceId, ct);
            db.AuditEvents.Add(AuditRecorder.Summary("Withdrawn", code, db.Scope.Actor, nameof(PublicIndicatorValue), year.Year.ToString(CultureInfo.InvariantCulture),
                JsonSerializer.Serialize(new { FiscalYear = year.Year, Removed = removed }, Register.RegisterHistory.Json), last, nowUtc));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return removed;
    }

    /// <summary>The source's change stamp: the time and a hash of the last change (the copies of <see cref="PublicStore"/> compare them).</summary>
    private static void Stamp(StatisticsSource source, string change, DateTime nowUtc)
    {
        source.LoadedAtUtc = nowUtc;
        source.Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{source.Sha256}:{change}")));
    }

    /// <summary>
    /// The tenant's current figures (from the report, published or not) against the figures bodies published for the
    /// same fiscal year; the tenant's own published figures are replaced by the current ones.
    /// </summary>
    public static async Task<Comparison> CompareAsync(AppDbContext db, IndicatorReport report, CancellationToken ct)
    {
        var code = db.Scope.TenantId!;
        var year = report.Year.Year;
        var store = await PublicStore.GetAsync(db, ct);
        var peers = await PublicIndicators.PeersAsync(db, store, code, year, ct);
        var current = Values(report).ToDictionary(v => v.Key, v => Text(v.Value), StringComparer.Ordinal);
        var figures = IndicatorDefinition.Register.Select(d => PublicIndicators.Compare(d, code, current.GetValueOrDefault(d.Id),
            store.Of(SourceId, year, d.Id).Select(v => (v.Code, v.Number)), peers)).ToList();
        var own = store.Bodies.TryGetValue((SourceId, code), out var years) && years.TryGetValue(year, out var texts) ? texts : [];
        var state = own.Count == 0 ? Published.No
            : current.All(c => own.GetValueOrDefault(c.Key) == c.Value) ? Published.Same : Published.Different;
        var publishers = IndicatorDefinition.Register.SelectMany(d => store.Of(SourceId, year, d.Id)).Select(v => v.Code).Distinct().Count();
        return new Comparison(figures, peers, publishers, state);
    }
}
