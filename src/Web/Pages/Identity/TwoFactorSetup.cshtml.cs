using InfraLedger.Core.Identity;
using InfraLedger.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Identity;

/// <summary>
/// The signed-in user turns two-factor sign-in on (key as text and as an inline SVG QR code, then a code from the app),
/// sees new recovery codes once, or turns it off with their password (docs/decisions/0027).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TwoFactorSetupModel(UserManager<AppUser> users) : PageModel
{
    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public TwoFactor.Setup? Setup { get; private set; }

    /// <summary>Recovery codes just made: shown in this response only.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostBeginAsync(CancellationToken ct)
    {
        if (await LoadAsync() is not { } user)
        {
            return Forbid();
        }

        if (!Enabled)
        {
            await TwoFactor.BeginAsync(users, user);
            // The new key changed the security stamp: the other sessions ended, this browser gets a new one.
            await SessionCookie.SignInAsync(HttpContext, user, ct);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code, CancellationToken ct)
    {
        if (await LoadAsync() is not { } user)
        {
            return Forbid();
        }

        var enabled = await TwoFactor.EnableAsync(users, user, code ?? "");
        if (!enabled.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, enabled.Error!);
            return Page();
        }

        // Turning it on changed the security stamp: every other session ended (a stolen cookie with it); this one is renewed.
        await SessionCookie.SignInAsync(HttpContext, user, ct);
        await LoadAsync();
        RecoveryCodes = enabled.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Forbid();
        }

        var codes = await TwoFactor.NewRecoveryCodesAsync(users, user);
        if (!codes.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, codes.Error!);
            return Page();
        }

        await LoadAsync();
        RecoveryCodes = codes.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string? password, CancellationToken ct)
    {
        if (await LoadAsync() is not { } user)
        {
            return Forbid();
        }

        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            ModelState.AddModelError("password", "パスワードが正しくありません。二要素認証を無効にするには、現在のパスワードを入力してください。");
            return Page();
        }

        await TwoFactor.DisableAsync(users, user);
        await SessionCookie.SignInAsync(HttpContext, user, ct);
        Done = "二要素認証を無効にしました。次からはパスワードだけでサインインします。";
        return RedirectToPage();
    }

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task<AppUser?> LoadAsync()
    {
        // Only API tokens lack a user; this page is for the cookie's user.
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }

        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = Enabled ? await TwoFactor.RecoveryCodesLeftAsync(users, user) : 0;
        Setup = Enabled ? null : await TwoFactor.SetupAsync(users, user);
        return user;
    }
}
