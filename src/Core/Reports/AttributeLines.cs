using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Reports;

/// <summary>
/// A service's attributes written one a line, as staff edit them:
/// <c>コード | 型 | 質問 | 必須 or 任意 | key=名前, key=名前</c>, e.g.
/// <c>damage | singlevaluelist | 損傷の種類 | 必須 | pothole=穴, crack=ひび割れ</c>. The line order is the display order.
/// </summary>
public static class AttributeLines
{
    public static string Format(IEnumerable<ServiceQuestion> attributes) =>
        string.Join('\n', attributes.OrderBy(a => a.Order).Select(a => string.Join(" | ",
            new[] { a.Code, a.Datatype, a.Description, a.Required ? "必須" : "任意" }
                .Concat(a.IsList ? [string.Join(", ", (a.Values ?? []).Select(v => $"{v.Key}={v.Name}"))] : []))));

    public static Result<List<ServiceQuestion>> Parse(string? text)
    {
        var attributes = new List<ServiceQuestion>();
        var lines = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var line = i + 1;
            var parts = lines[i].Split('|').Select(p => p.Trim()).ToArray();
            if (parts.Length < 4)
            {
                return Errors.AttributesInvalid($"{line}行目は「コード | 型 | 質問 | 必須/任意」の4つ以上の項目が要ります。");
            }

            var (code, datatype, description) = (parts[0], parts[1], parts[2]);
            if (!Services.IsCode(code) || attributes.Any(a => a.Code == code))
            {
                return Errors.AttributesInvalid($"{line}行目のコード「{code}」は半角英数字・ハイフン・下線で、重複しない名前にしてください。");
            }

            if (!ServiceQuestion.Datatypes.Contains(datatype))
            {
                return Errors.AttributesInvalid($"{line}行目の型「{datatype}」は {string.Join("、", ServiceQuestion.Datatypes)} のいずれかです。");
            }

            if (description.Length is 0 or > 200)
            {
                return Errors.AttributesInvalid($"{line}行目の質問を1〜200文字で書いてください。");
            }

            if (parts[3] is not ("必須" or "任意"))
            {
                return Errors.AttributesInvalid($"{line}行目の4番目の項目は「必須」か「任意」です（「{parts[3]}」）。");
            }

            var values = new List<ServiceQuestion.Value>();
            foreach (var pair in (parts.Length > 4 ? parts[4] : "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var kv = pair.Split('=', 2, StringSplitOptions.TrimEntries);
                if (kv.Length != 2 || kv[0].Length == 0 || kv[1].Length == 0 || values.Any(v => v.Key == kv[0]))
                {
                    return Errors.AttributesInvalid($"{line}行目の選択肢「{pair}」は「key=名前」の形で、key が重複しないようにしてください。");
                }

                values.Add(new ServiceQuestion.Value(kv[0], kv[1]));
            }

            var isList = datatype is "singlevaluelist" or "multivaluelist";
            if (isList != values.Count > 0)
            {
                return Errors.AttributesInvalid(isList
                    ? $"{line}行目の {datatype} には選択肢（key=名前）が要ります。"
                    : $"{line}行目の型 {datatype} は選択肢を持てません。");
            }

            attributes.Add(new ServiceQuestion(code, datatype, description, parts[3] == "必須", attributes.Count + 1,
                Values: isList ? values : null));
        }

        return attributes.Count <= 20 ? attributes : Errors.AttributesInvalid($"質問は20個までです（{attributes.Count.ToString(CultureInfo.InvariantCulture)}個）。");
    }
}
