using System.Globalization;
using InfraLedger.Core.Database;
using InfraLedger.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Identity;

[AllowAnonymous]
public sealed class LoginModel(SignInAttempts attempts, AppDbContext db) : PageModel
{
    public sealed class InputModel
    {
        public string Email { get; set; } = "";

        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? EmailError => Error("Input.Email");

    public string? PasswordError => Error("Input.Password");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "メールアドレスを入力してください。");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "パスワードを入力してください。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        switch (await attempts.TryAsync(HttpContext, Input.Email, Input.Password, ct))
        {
            case SignInAttempts.Throttled throttled:
                var minutes = Math.Max(1, (int)Math.Ceiling(throttled.RetryAfter.TotalMinutes));
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = ((int)Math.Ceiling(throttled.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                ModelState.AddModelError("", $"この端末（ネットワーク）からのサインインの失敗が続いたため、サインインを一時的に止めています。{minutes}分ほど待ってからもう一度お試しください。");
                return Page();
            case SignInAttempts.LockedOut:
                ModelState.AddModelError("", "サインインの失敗が続いたため、このアカウントは一時的にロックされています。15分後にもう一度お試しいただくか、団体の管理者にロックの解除を依頼してください。");
                return Page();
            case SignInAttempts.TwoFactorRequired:
                return RedirectToPage("TwoFactor", new { returnUrl = ReturnUrl });
            case SignInAttempts.SignedIn signedIn:
                return LocalRedirect(await TwoFactorSignIn.DestinationAsync(db, signedIn.User, ReturnUrl, Url, ct));
            default:
                // Same message whether the address is unknown or the password wrong: no account enumeration.
                ModelState.AddModelError("", "メールアドレスまたはパスワードが正しくありません。");
                return Page();
        }
    }

    private string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
