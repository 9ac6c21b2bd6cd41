using System.ComponentModel.DataAnnotations;
using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Identity;

/// <summary>
/// 「パスワードを忘れた場合」: a reset link is mailed when the address has an account; the answer is the same either way
/// (no account enumeration). The link's site address comes from <c>Mail:SiteUrl</c>, never from the request.
/// </summary>
[AllowAnonymous]
public sealed class ForgotModel(UserManager<AppUser> users, AppDbContext db, MailSettings mail) : PageModel
{
    public string? Email { get; private set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? email, CancellationToken ct)
    {
        Email = email?.Trim();
        if (string.IsNullOrEmpty(Email) || Email.Length > 256 || !new EmailAddressAttribute().IsValid(Email))
        {
            ModelState.AddModelError("email", string.IsNullOrEmpty(Email) ? "メールアドレスを入力してください。" : $"メールアドレス「{Email}」の形式が正しくありません。");
            return Page();
        }

        await PasswordResets.RequestAsync(users, db, Email, mail.SiteUrl, DateTime.UtcNow, ct);
        Sent = true;
        return Page();
    }
}
