using InfraLedger.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Identity;

/// <summary>
/// Signing out: the header's button on every page posts here (with its antiforgery token). Anonymous too, so that a
/// browser whose session has already ended (signed out elsewhere, removed) still gets a clean sign-out, not a sign-in form.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInAttempts attempts) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await attempts.SignOutAsync(HttpContext, ct);
        return LocalRedirect("/");
    }
}
