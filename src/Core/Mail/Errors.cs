using InfraLedger.Core.Common;

namespace InfraLedger.Core.Mail;

/// <summary>Expected refusals of the mail feature.</summary>
public static class Errors
{
    public static Error Recipient(string recipient) => new("mail.recipient", $"宛先のメールアドレス「{recipient}」の形式が正しくありません。", "recipient");

    public static Error Kind(string kind) => new("mail.kind", $"メールの種類「{kind}」は英小文字・数字・_ の1〜40文字で指定してください。", "kind");

    public static Error Subject => new("mail.subject", "件名を1〜200文字（改行なし）で指定してください。", "subject");

    public static Error Body => new("mail.body", "本文を1〜20000文字で指定してください。", "body");

    public static Error NotConfigured => new("mail.not_configured", "SMTP サーバーが設定されていません（Mail:Host）。メールは送信待ちのまま残ります。", Kind: ErrorKind.Conflict);
}
