using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Identity;

/// <summary>The page of a password-reset link: a new password, once; every session of the account ends.</summary>
[AllowAnonymous]
public sealed class ResetModel(UserManager<AppUser> users, AppDbContext db) : PageModel
{
    /// <summary>The account's address, shown so that the person knows which account they reset.</summary>
    public string? Email { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string secret, CancellationToken ct)
    {
        var found = await PasswordResets.FindAsync(db, id, secret, DateTime.UtcNow, ct);
        if (!found.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, found.Error!);
            return Page();
        }

        Email = found.Value.User.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string secret, string? newPassword, string? confirmPassword, CancellationToken ct)
    {
        var result = await PasswordResets.ResetAsync(users, db, id, secret, newPassword ?? "", confirmPassword ?? "", DateTime.UtcNow, ct);
        if (!result.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, result.Error!);
            Email = (await PasswordResets.FindAsync(db, id, secret, DateTime.UtcNow, ct)) is { IsSuccess: true } still ? still.Value.User.Email : null;
            return Page();
        }

        Done = true;
        return Page();
    }

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
