using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tables;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Register.Import;

public static partial class RegisterImport
{
    private sealed record Plan(ColumnMapping Mapping, RowConverter Converter, IReadOnlyList<ColumnNote> Notes, IReadOnlyList<Choice> InForce, string LayoutKey);

    /// <summary>
    /// The mapping in force and why: given (the page, <c>--mapping</c>), else remembered for this layout, else suggested;
    /// then <c>--map</c> changes and the per-file options. Every choice is listed with its origin.
    /// </summary>
    private static async Task<Result<Plan>> PlanAsync(AppDbContext db, RawTable table, Options options, CancellationToken ct)
    {
        var suggestion = ColumnMapping.Suggest(options.Target, table);
        var layoutKey = ColumnMapping.LayoutKey(options.Target, table.Headers);
        var remembered = options.Mapping is null
            ? await db.ImportLayouts.AsNoTracking().Where(l => l.LayoutKey == layoutKey).Select(l => new { l.MappingJson, l.UpdatedAtUtc }).SingleOrDefaultAsync(ct)
            : null;
        var (mapping, origin) = options.Mapping is { } given ? (given, "指定された対応付け")
            : remembered is not null && ColumnMapping.FromJson(remembered.MappingJson) is { } kept
                ? (kept, $"前回確定した対応付け（{JapanTime.Date(remembered.UpdatedAtUtc)}、この形式のファイルで記憶）")
            : (suggestion.Mapping, "見出しから推定");
        var outOfRange = mapping.Columns.FirstOrDefault(c => c.Value < 0 || c.Value >= table.Headers.Count);
        if (outOfRange.Key is not null || mapping.Target != options.Target)
        {
            return Errors.MappingDoesNotFit(table.File, outOfRange.Key is null ? null : outOfRange.Value + 1, table.Headers.Count);
        }

        if (mapping.Columns.Keys.FirstOrDefault(k => ImportFields.Find(options.Target, k) is null) is { } unknown)
        {
            return Errors.UnknownField(unknown, ImportFields.For(options.Target).Select(f => $"{f.Name}（{f.Label}）"));
        }

        var changed = ApplyOverrides(mapping, table, options.Overrides);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        var prefixOrigin = options.CodePrefix is not null ? "指定" : mapping == suggestion.Mapping && suggestion.Dataset?.CodePrefix is not null
            ? $"標準データセット「{suggestion.Dataset.Name}」の既定（番号がこのデータセットの中でだけ一意のため）" : origin;
        var kindOrigin = options.DefaultKind is not null ? "指定" : mapping == suggestion.Mapping ? suggestion.KindReason ?? origin : origin;
        mapping = changed.Value with
        {
            CodePrefix = options.CodePrefix is { } prefix ? (prefix.Length == 0 ? null : prefix) : changed.Value.CodePrefix,
            DefaultKind = options.DefaultKind ?? changed.Value.DefaultKind,
        };

        var tenant = await db.LocalGovernments.AsNoTracking().SingleAsync(b => b.Code == db.Scope.TenantId, ct);
        var prefecture = await db.LocalGovernments.AsNoTracking().Where(b => b.Code == tenant.PrefectureCode).Select(b => b.Name).SingleAsync(ct);
        var identity = new RowIdentity(mapping, suggestion.Dataset?.ItemLabel, [prefecture + tenant.Name.Replace(" ", "", StringComparison.Ordinal), prefecture, tenant.Name.Replace(" ", "", StringComparison.Ordinal)]);
        var converter = new RowConverter(table, mapping, tenant.Code, identity, suggestion.TenantCodeColumn);
        var notes = Notes(table, suggestion, mapping, options.Overrides.Count > 0 || origin != "見出しから推定" ? origin : null);
        var inForce = new List<Choice> { new("列の対応付け", $"{mapping.Columns.Count} 列", options.Overrides.Count > 0 ? origin + "に --map の変更" : origin) };
        if (suggestion.Dataset is { } dataset)
        {
            inForce.Add(new("標準データセット", dataset.Name, "見出しの組み合わせから判定"));
        }

        inForce.Add(new("施設コードの接頭辞", mapping.CodePrefix is { } p ? $"「{p}」" : "なし", mapping.CodePrefix is null && options.CodePrefix is null ? "—" : prefixOrigin));
        if (mapping.DefaultKind is { } kind)
        {
            inForce.Add(new("資産種別の列がない行の種別", FacilityRegister.KindLabel(kind), kindOrigin));
        }

        if (identity.MakesCode)
        {
            var from = identity.IdentityLabels.Count > 0 ? string.Join("・", identity.IdentityLabels) : "すべての列";
            inForce.Add(new("施設コード", $"各行の内容（{from}）から作ります（同じ行には毎回同じコード）", "施設コードの列がないため"));
        }

        if (identity.MakesName)
        {
            inForce.Add(new("施設名", mapping.Columns.ContainsKey("UsageMinor") ? "種別＋（所在地）から作ります" : $"「{suggestion.Dataset?.ItemLabel}」＋（所在地）から作ります", "名称の列がないため"));
        }

        return new Plan(mapping, converter, notes, inForce, layoutKey);
    }

    /// <summary>The suggestion's note of each column, unless the mapping in force (remembered or given) says otherwise.</summary>
    private static List<ColumnNote> Notes(RawTable table, ColumnMapping.Suggestion suggestion, ColumnMapping mapping, string? origin)
    {
        var byColumn = suggestion.Notes.ToDictionary(n => n.Column);
        var fieldOf = mapping.Columns.GroupBy(c => c.Value).ToDictionary(g => g.Key, g => g.First().Key);
        return [.. Enumerable.Range(0, table.Headers.Count).Select(i =>
        {
            var note = byColumn.GetValueOrDefault(i) ?? new ColumnNote(i, table.Headers[i], null, "対応する項目がないため取り込みません。");
            var field = fieldOf.GetValueOrDefault(i);
            return field == note.Field ? note
                : field is not null ? note with { Field = field, Reason = $"{origin}で{ImportFields.For(mapping.Target).Single(f => f.Name == field).Label}に対応付け。" }
                : note.Field == "TenantCode" ? note
                : note with { Field = null, Reason = $"{origin}で取り込まない列。" };
        })];
    }

    /// <summary>Applies 列名=項目 changes: a column by its header (or 「列3」), a field by its name or label; an empty field unmaps the column.</summary>
    private static Result<ColumnMapping> ApplyOverrides(ColumnMapping mapping, RawTable table, IReadOnlyList<(string Column, string Field)> overrides)
    {
        var columns = new Dictionary<string, int>(mapping.Columns, StringComparer.Ordinal);
        foreach (var (columnText, fieldText) in overrides)
        {
            var column = HeaderMatcher.ColumnNamed(table, columnText);
            if (column is null)
            {
                return Errors.UnknownColumn(columnText, table.Headers);
            }

            foreach (var stale in columns.Where(c => c.Value == column).Select(c => c.Key).ToList())
            {
                columns.Remove(stale);
            }

            if (fieldText.Trim() is { Length: > 0 } name and not ("-" or "なし"))
            {
                var field = ImportFields.Find(mapping.Target, name);
                if (field is null)
                {
                    return Errors.UnknownField(name, ImportFields.For(mapping.Target).Select(f => $"{f.Name}（{f.Label}）"));
                }

                columns[field.Name] = column.Value;
            }
        }

        return mapping with { Columns = columns };
    }
}
