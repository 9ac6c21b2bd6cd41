using System.Globalization;
using InfraLedger.Core.Tables;

namespace InfraLedger.Core.Maintenance;

/// <summary>Reads the cells of a library workbook into values; a cell that cannot be read stops the read with its sheet, row and column.</summary>
internal sealed class SheetReader(string fileName)
{
    public Treatment Treatment((int Row, Func<string, string> Cell) r)
    {
        const string sheet = "工法";
        var bands = r.Cell("口径別単価");
        return new Treatment(
            r.Cell("工法"),
            Choice<TreatmentCategory>(r.Cell("区分"), sheet, r.Row, "区分", new() { ["予防保全"] = TreatmentCategory.Preventive, ["事後保全"] = TreatmentCategory.Corrective, ["更新"] = TreatmentCategory.Renewal }),
            Ints(r.Cell("使う区分"), sheet, r.Row, "使う区分"),
            Ints(r.Cell("年数"), sheet, r.Row, "年数") is { Count: > 0 } ages ? ages : null,
            new CostRule(Unit(r.Cell("単位"), sheet, r.Row, "単位"), Decimal(r.Cell("単価（円）"), sheet, r.Row, "単価（円）") ?? 0,
                bands.Length == 0 ? null : Bands(bands, r.Row)),
            new TreatmentEffect(Int(r.Cell("補修後の区分"), sheet, r.Row, "補修後の区分"), Int(r.Cell("良くなる区分数"), sheet, r.Row, "良くなる区分数"),
                Choice(r.Cell("経過年数をリセット"), sheet, r.Row, "経過年数をリセット", YesNo, false)),
            r.Cell("出典") is { Length: > 0 } source ? source : null,
            Choice(r.Cell("未確認"), sheet, r.Row, "未確認", YesNo, false));
    }

    public PolicySpec Policy((int Row, Func<string, string> Cell) r)
    {
        const string sheet = "方針";
        var choices = r.Cell("区分ごとの工法");
        return new PolicySpec(
            r.Cell("方針"),
            Choice<PolicyType>(r.Cell("種類"), sheet, r.Row, "種類", new() { ["何もしない"] = PolicyType.None, ["しきい値"] = PolicyType.Threshold, ["状態ごとに指定"] = PolicyType.States, ["年数による周期"] = PolicyType.Age }),
            Int(r.Cell("対策を始める区分"), sheet, r.Row, "対策を始める区分"),
            choices.Length == 0 ? null : [.. choices.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c =>
            {
                var parts = c.Split(':', 2, StringSplitOptions.TrimEntries);
                return parts.Length == 2 && Int(parts[0], sheet, r.Row, "区分ごとの工法") is { } s
                    ? new PolicyChoice(s, parts[1])
                    : throw Fail(sheet, r.Row, "区分ごとの工法", c, "「区分:工法」を「;」で区切って書いてください（例: 3:断面修復; 4:床版取替）。");
            })],
            Int(r.Cell("積み残しの処理期間（年）"), sheet, r.Row, "積み残しの処理期間（年）"));
    }

    public CostUnit Unit(string text, string sheet, int row, string column) =>
        Choice<CostUnit>(text, sheet, row, column, new() { ["㎡"] = CostUnit.Area, ["m2"] = CostUnit.Area, ["m"] = CostUnit.Length, ["施設"] = CostUnit.Facility });

    public int? Int(string text, string sheet, int row, string column) =>
        (text = CellText.Normalize(text)).Length == 0 ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
        : throw Fail(sheet, row, column, text, "整数として読めません。");

    public List<int> Ints(string text, string sheet, int row, string column) =>
        [.. text.Split([',', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => Int(x, sheet, row, column)!.Value)];

    public List<decimal> Decimals(string text, string sheet, int row, string column) =>
        [.. text.Split([',', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => Decimal(x, sheet, row, column)!.Value)];

    private decimal? Decimal(string text, string sheet, int row, string column)
    {
        var n = CellText.ParseNumber(text);
        return !n.IsSuccess ? throw Fail(sheet, row, column, text, "金額として読めません。") : n.Value;
    }

    private List<CostBand> Bands(string text, int row) =>
        [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(b =>
        {
            var (range, price) = b.Split(':', 2, StringSplitOptions.TrimEntries) is [var a, var p] ? (a, p) : ("", "");
            var ends = range.Split('〜', 2, StringSplitOptions.TrimEntries);
            return ends.Length == 2 && Decimal(price, "工法", row, "口径別単価") is { } value
                ? new CostBand(Int(ends[0], "工法", row, "口径別単価"), Int(ends[1], "工法", row, "口径別単価"), value)
                : throw Fail("工法", row, "口径別単価", b, "「口径から〜口径まで:単価」を「;」で区切って書いてください（例: 〜150:97000; 151〜200:100000）。");
        })];

    private static readonly Dictionary<string, bool> YesNo = new() { ["はい"] = true, ["いいえ"] = false, ["true"] = true, ["false"] = false };

    private T Choice<T>(string text, string sheet, int row, string column, Dictionary<string, T> options, T? empty = null)
        where T : struct =>
        (text = CellText.Normalize(text)).Length == 0 && empty is { } e ? e
        : options.TryGetValue(text, out var v) || options.TryGetValue(text.ToLowerInvariant(), out v) ? v
        : throw Fail(sheet, row, column, text, $"{string.Join("・", options.Keys)} のどれかにしてください。");

    private ImportReadException Fail(string sheet, int row, string column, string value, string reason) =>
        new(new ImportProblem(new CellRef(fileName, sheet, row, column), value, reason));
}
