using InfraLedger.Core.Common;

namespace InfraLedger.Core.Identity;

/// <summary>Expected refusals of the identity feature.</summary>
public static class Errors
{
    public static Error UserNotFound(string email) => new("identity.user_not_found", $"ユーザー「{email}」は登録されていません。", "email");

    public static Error AlreadyMember(string email) => new("identity.already_member", $"「{email}」はすでにこの団体のメンバーです。", "email");

    public static Error NotMember(string userId) => new("identity.not_member", $"ユーザー（{userId}）はこの団体のメンバーではありません。", Kind: ErrorKind.NotFound);

    public static Error LastAdmin => new("identity.last_admin", "最後の管理者は削除・降格できません。先に別の管理者を追加してください。");

    public static Error Identity(string message, string? field = null) => new("identity.rejected", message, field);

    public static Error TokenName => new("identity.token_name", "トークン名を1〜100文字で入力してください。", "name");

    public static Error TokenNotFound(string id) => new("identity.token_not_found", $"APIトークン「{id}」は見つかりません。");

    public static Error PrefectureRequired => new("identity.prefecture_required", "都道府県閲覧者には都道府県の団体コードが必要です。", "prefecture");

    public static Error InvalidEmail(string email) => new("identity.invalid_email", $"メールアドレス「{email}」の形式が正しくありません。", "email");

    /// <summary>One message for an unknown, wrong, expired, used or withdrawn link: the link itself is the only secret.</summary>
    public static Error InvitationInvalid => new("identity.invitation_invalid", "この招待リンクは使えません（期限切れ・使用済み・取り消し済み、またはリンクの誤り）。団体の管理者に新しい招待を依頼してください。");

    public static Error InvitationForAnotherAddress(string email) =>
        new("identity.invitation_other_address", $"この招待は「{email}」宛てです。そのメールアドレスのアカウントでサインインしてから承諾してください。");

    public static Error InvitationNotFound(string id) => new("identity.invitation_not_found", $"招待「{id}」は見つからないか、すでに承諾・取り消しされています。");

    public static Error AccountExists => new("identity.account_exists", "このメールアドレスのアカウントはすでにあります。サインインしてから招待を承諾してください。", "password");

    public static Error DisplayName => new("identity.display_name", "氏名を1〜100文字で入力してください。", "displayName");

    public static Error PasswordConfirmation => new("identity.password_confirmation", "確認用のパスワードが一致しません。", "confirmPassword");

    public static Error NotAPrefecture(string code) => new("identity.not_prefecture", $"団体コード「{code}」は都道府県ではありません（都道府県コードは下3桁が000）。", "prefecture");

    /// <summary>One message for an unknown, wrong, expired or used link.</summary>
    public static Error ResetLinkInvalid => new("identity.reset_link_invalid", "このパスワード再設定のリンクは使えません（期限切れ・使用済み、またはリンクの誤り）。もう一度「パスワードを忘れた場合」から申し込んでください。");

    public static Error TwoFactorCode => new("identity.two_factor_code", "確認コードが正しくありません。認証アプリに表示されている6桁の数字を入力してください。", "code");

    public static Error RecoveryCode => new("identity.recovery_code", "リカバリーコードが正しくないか、すでに使われています。", "recoveryCode");

    public static Error TwoFactorNotEnabled => new("identity.two_factor_off", "二要素認証は有効になっていません。", Kind: ErrorKind.Conflict);

    public static Error RoleUnknown => new("identity.role", "役割を選んでください。", "role");

    public static Error TwoFactorLockedOut => new("identity.two_factor_locked", "確認コードの誤りが続いたため、このアカウントは一時的にロックされています。15分後にもう一度お試しください。", "code", ErrorKind.Conflict);
}
