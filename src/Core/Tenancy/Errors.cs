using InfraLedger.Core.Common;

namespace InfraLedger.Core.Tenancy;

/// <summary>Expected refusals of the tenancy feature.</summary>
public static class Errors
{
    public static readonly Error CodeMissing = new("tenancy.code_missing", "団体コードが指定されていません。6桁の全国地方公共団体コードを指定してください。");

    public static Error CodeFullWidth(string input) => new(
        "tenancy.code_full_width",
        $"団体コード「{input}」に全角数字が含まれています。半角数字6桁で指定してください。");

    public static Error CodeFormat(string input) => new(
        "tenancy.code_format",
        $"団体コード「{input}」は6桁の半角数字ではありません。全国地方公共団体コード（検査数字を含む6桁）を指定してください。");

    public static Error CodeCheckDigit(string input, int expected) => new(
        "tenancy.check_digit",
        $"団体コード「{input}」の検査数字（6桁目）が正しくありません。{input[..5]} の検査数字は {expected} です（正しいコードは {input[..5]}{expected}）。");

    public static Error UnknownBody(string code) => new(
        "tenancy.unknown_body",
        $"団体コード「{code}」の地方公共団体は登録されていません。",
        Kind: ErrorKind.NotFound);

    public static Error NotATenant(string code, string name) => new(
        "tenancy.not_a_tenant",
        $"「{name}」（{code}）は政令指定都市の行政区であり、テナントではありません。市のコードを指定してください。",
        Kind: ErrorKind.NotFound);

    public static Error SettingKey(string key) => new(
        "tenancy.setting_key",
        $"設定キー「{key}」は使用できません。半角英小文字・数字・「.」「_」「-」で64文字以内にしてください。",
        "key");

    public static Error SettingValueTooLong(int length) => new(
        "tenancy.setting_value_length",
        $"設定値が長すぎます（{length}文字）。4000文字以内にしてください。",
        "value");
}
