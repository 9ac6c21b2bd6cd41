using InfraLedger.Core.Common;
using InfraLedger.Core.Register;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Register;

/// <summary>What the facility and asset forms share: the date, the choices, and putting errors on their fields.</summary>
public static class RegisterForms
{
    /// <summary>Today in Japan: JST is UTC+9 all year (no daylight saving), so no time-zone database is needed.</summary>
    public static DateOnly Today() => Core.Common.JapanTime.Today(DateTime.UtcNow);

    public static readonly IReadOnlyList<FormOption> Kinds =
        [.. Enum.GetValues<AssetKind>().Select(k => new FormOption(k.ToString(), FacilityRegister.KindLabel(k)))];

    public static readonly IReadOnlyList<FormOption> Statuses =
        [.. Enum.GetValues<FacilityStatus>().Select(s => new FormOption(s.ToString(), FacilityRegister.StatusLabel(s)))];

    public static readonly IReadOnlyList<FormOption> QuantityKinds =
        [new("", "（なし）"), .. Enum.GetValues<QuantityKind>().Select(k => new FormOption(k.ToString(), FacilityRegister.QuantityLabel(k)))];

    /// <summary>用途分類 大分類 of the 総務省 更新費用試算 (domain/renewal-projection.md §2): suggestions, not a closed list.</summary>
    public static readonly IReadOnlyList<string> UsageMajors =
    [
        "市民文化系施設", "社会教育系施設", "スポーツ・レクリエーション系施設", "産業系施設", "学校教育系施設", "子育て支援施設",
        "保健・福祉施設", "医療施設", "行政系施設", "公営住宅", "公園", "供給処理施設", "その他",
    ];

    /// <summary>勘定科目 and 区分 of the 統一的な基準 (domain/register-and-depreciation.md §3): suggestions.</summary>
    public static readonly IReadOnlyList<string> Accounts =
        ["土地", "立木竹", "建物", "建物附属設備", "工作物", "その他", "建設仮勘定", "物品", "ソフトウェア", "ソフトウェア仮勘定"];

    public static readonly IReadOnlyList<string> AssetClasses = ["事業用資産", "インフラ資産", "物品", "無形固定資産", "リース資産"];

    /// <summary>Reads 異動日 (required) and 事由 (at most 300 characters, the column's length).</summary>
    public static (DateOnly ValidFrom, string? Reason) ReadChange(string? validFrom, string? reason, FormValues values)
    {
        var date = values.Date(validFrom, "ValidFrom", "異動日");
        if (date is null && !values.Failed("ValidFrom"))
        {
            values.Errors.Add(Errors.Required("ValidFrom", "異動日"));
        }

        var text = FormValues.Text(reason);
        if (text is { Length: > 300 })
        {
            values.Errors.Add(Errors.TooLong("Reason", "事由", 300));
        }

        return (date ?? default, text);
    }

    /// <summary>The reading errors, then the validation errors of fields that could be read (one error source per field).</summary>
    public static List<Error> Combine(FormValues values, IEnumerable<Error> validation) =>
        [.. values.Errors, .. validation.Where(e => e.Field is null || !values.Failed(e.Field))];

    public static void AddTo(ModelStateDictionary modelState, IEnumerable<Error> errors)
    {
        foreach (var error in errors)
        {
            ErrorResponses.AddTo(modelState, error, "Input");
        }
    }
}
