using Microsoft.AspNetCore.Identity;

namespace InfraLedger.Core.Identity;

/// <summary>ASP.NET Core Identity's refusals, in Japanese.</summary>
public sealed class JapaneseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Make(nameof(DefaultError), "不明なエラーが発生しました。");

    public override IdentityError DuplicateEmail(string email) => Make(nameof(DuplicateEmail), $"メールアドレス「{email}」はすでに使われています。");

    public override IdentityError DuplicateUserName(string userName) => Make(nameof(DuplicateUserName), $"ユーザー名「{userName}」はすでに使われています。");

    public override IdentityError InvalidEmail(string? email) => Make(nameof(InvalidEmail), $"メールアドレス「{email}」の形式が正しくありません。");

    public override IdentityError InvalidUserName(string? userName) => Make(nameof(InvalidUserName), $"ユーザー名「{userName}」に使えない文字が含まれています。");

    public override IdentityError PasswordMismatch() => Make(nameof(PasswordMismatch), "パスワードが正しくありません。");

    public override IdentityError PasswordTooShort(int length) => Make(nameof(PasswordTooShort), $"パスワードは{length}文字以上にしてください。");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Make(nameof(PasswordRequiresUniqueChars), $"パスワードには{uniqueChars}種類以上の文字を使ってください。");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Make(nameof(PasswordRequiresNonAlphanumeric), "パスワードには記号を1文字以上含めてください。");

    public override IdentityError PasswordRequiresDigit() => Make(nameof(PasswordRequiresDigit), "パスワードには数字を1文字以上含めてください。");

    public override IdentityError PasswordRequiresLower() => Make(nameof(PasswordRequiresLower), "パスワードには英小文字を1文字以上含めてください。");

    public override IdentityError PasswordRequiresUpper() => Make(nameof(PasswordRequiresUpper), "パスワードには英大文字を1文字以上含めてください。");

    public override IdentityError UserLockoutNotEnabled() => Make(nameof(UserLockoutNotEnabled), "このユーザーではロックアウトが有効になっていません。");

    public override IdentityError ConcurrencyFailure() => Make(nameof(ConcurrencyFailure), "他の操作と競合しました。もう一度やり直してください。");

    public override IdentityError InvalidToken() => Make(nameof(InvalidToken), "トークンが無効です。");

    private static IdentityError Make(string code, string description) => new() { Code = code, Description = description };
}
