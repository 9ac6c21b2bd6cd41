using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Mail;

namespace InfraLedger.Core.Identity;

/// <summary>
/// The mails of the accounts feature, in Japanese, plain text. Each names only its own tenant (an invitation) or no
/// tenant at all (a password reset): a mail never carries another tenant's data.
/// </summary>
public static class AccountMails
{
    private static string Jst(DateTime utc) => JapanTime.Written(utc);

    /// <summary>Puts the invitation's mail into the pending changes of <paramref name="db"/> (sent with the invitation's save).</summary>
    public static Result<OutboxMail> AddInvitation(AppDbContext db, Invitations.Issued issued, string tenantName, string siteUrl, DateTime nowUtc)
    {
        var i = issued.Invitation;
        var body = $"""
            {i.Email} 様

            インフラ台帳の「{tenantName}」（団体コード {i.TenantId}）から、{RoleLabels.Of(i.Role)}としての招待が届いています。
            次のリンクを開いて承諾すると、メンバーになります（アカウントがなければ、そのページで作成できます）。

            {siteUrl}{issued.Path}

            このリンクは {Jst(i.ExpiresAtUtc)}（日本時間）まで、一度だけ使えます。
            心当たりがない場合は、このメールを破棄してください。リンクを開かなければ何も起こりません。

            ― インフラ台帳（このメールは送信専用です）
            """;
        return MailOutbox.Add(db, i.TenantId, MailKinds.Invitation, i.Email, $"【インフラ台帳】{tenantName}への招待", body, nowUtc);
    }

    /// <summary>Puts the password-reset mail into the pending changes of <paramref name="db"/>; a platform mail (no tenant).</summary>
    public static Result<OutboxMail> AddPasswordReset(AppDbContext db, string email, PasswordResets.Issued issued, string siteUrl, DateTime nowUtc)
    {
        var body = $"""
            {email} 様

            インフラ台帳のパスワードの再設定を受け付けました。次のリンクを開いて、新しいパスワードを設定してください。

            {siteUrl}{issued.Path}

            このリンクは {Jst(issued.Reset.ExpiresAtUtc)}（日本時間）まで、一度だけ使えます。
            再設定を申し込んでいない場合は、このメールを破棄してください。パスワードは変わりません。

            ― インフラ台帳（このメールは送信専用です）
            """;
        return MailOutbox.Add(db, null, MailKinds.PasswordReset, email, "【インフラ台帳】パスワードの再設定", body, nowUtc);
    }
}
