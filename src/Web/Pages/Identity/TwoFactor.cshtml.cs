using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Identity;

/// <summary>The second step of sign-in: the authenticator app's code, or one of the recovery codes (docs/decisions/0027).</summary>
[AllowAnonymous]
public sealed class TwoFactorModel(UserManager<AppUser> users, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Which form: the authenticator code (default) or a recovery code.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Recovery { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await TwoFactorSignIn.PendingUserAsync(HttpContext) is null ? RedirectToPage("Login", new { returnUrl = ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostCodeAsync(string? code, CancellationToken ct) =>
        await SecondStepAsync("totp", u => TwoFactor.SignInWithCodeAsync(users, u, code ?? ""), ct);

    public async Task<IActionResult> OnPostRecoveryAsync(string? recoveryCode, CancellationToken ct)
    {
        Recovery = true;
        return await SecondStepAsync("recovery_code", u => TwoFactor.SignInWithRecoveryCodeAsync(users, u, recoveryCode ?? ""), ct);
    }

    private async Task<IActionResult> SecondStepAsync(string how, Func<AppUser, Task<Core.Common.Result<AppUser>>> check, CancellationToken ct)
    {
        var user = await TwoFactorSignIn.PendingUserAsync(HttpContext);
        if (user is null)
        {
            ModelState.AddModelError("", "サインインの手続きの期限が切れました。もう一度メールアドレスとパスワードから入力してください。");
            return Page();
        }

        var result = await check(user);
        if (!result.IsSuccess)
        {
            TwoFactorSignIn.Failed(HttpContext, user, how);
            ErrorResponses.AddTo(ModelState, result.Error!);
            return Page();
        }

        await TwoFactorSignIn.CompleteAsync(HttpContext, user, how, ct);
        return LocalRedirect(await TwoFactorSignIn.DestinationAsync(db, user, ReturnUrl, Url, ct));
    }
}
