using InfraLedger.Core.Common;

namespace InfraLedger.Core.Identity;

/// <summary>Expected refusals of the identity feature.</summary>
public static class Errors
{
    public static Error UserNotFound(string email) => new("identity.user_not_found", $"ユーザー「{email}」は登録されていません。", "email");

    public static Error AlreadyMember(string email) => new("identity.already_member", $"「{email}」はすでにこの団体のメンバーです。", "email");

    public static Error NotMember(string userId) => new("identity.not_member", $"ユーザー（{userId}）はこの団体のメンバーではありません。");

    public static Error LastAdmin => new("identity.last_admin", "最後の管理者は削除・降格できません。先に別の管理者を追加してください。");

    public static Error Identity(string message, string? field = null) => new("identity.rejected", message, field);

    public static Error TokenName => new("identity.token_name", "トークン名を1〜100文字で入力してください。", "name");

    public static Error TokenNotFound(string id) => new("identity.token_not_found", $"APIトークン「{id}」は見つかりません。");

    public static Error PrefectureRequired => new("identity.prefecture_required", "都道府県閲覧者には都道府県の団体コードが必要です。", "prefecture");

    public static Error NotAPrefecture(string code) => new("identity.not_prefecture", $"団体コード「{code}」は都道府県ではありません（都道府県コードは下3桁が000）。", "prefecture");
}
