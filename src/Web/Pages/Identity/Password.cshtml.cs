using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Identity;

/// <summary>
/// A signed-in user changes their password. Every other session of the user ends at once (a stolen cookie with it);
/// this browser gets a new session and stays signed in.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PasswordModel(UserManager<AppUser> users, AppDbContext db) : PageModel
{
    [TempData]
    public string? Done { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? confirmPassword, CancellationToken ct)
    {
        // Only API tokens lack a user; this page is for the cookie's user.
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid();
        }

        var changed = await UserAccounts.ChangePasswordAsync(users, db, user, currentPassword ?? "", newPassword ?? "", confirmPassword ?? "", ct);
        if (!changed.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, changed.Error!);
            return Page();
        }

        await SessionCookie.SignInAsync(HttpContext, changed.Value, ct);
        Done = "パスワードを変更しました。ほかのブラウザー・端末のサインインはすべて終了しました。";
        return RedirectToPage();
    }

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
