using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Tenancy;

/// <summary>
/// The one-time link of an invitation (docs/decisions/0018): the invited person accepts (signed in with the invited
/// address, or creating an account for it here) or declines. Open to anybody who has the link; the link is the secret.
/// </summary>
[AllowAnonymous]
public sealed class InvitationModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [FromRoute]
    public string Secret { get; set; } = "";

    public LocalGovernment Tenant { get; private set; } = null!;

    public TenantInvitation? Invitation { get; private set; }

    /// <summary>The signed-in user, when there is one.</summary>
    public AppUser? Current { get; private set; }

    public bool Declined { get; private set; }

    public string? DisplayName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Invalid();

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Invalid();
        }

        if (Current is null)
        {
            return Challenge();
        }

        var accepted = await Invitations.AcceptAsync(db, Id, Secret, Current, DateTime.UtcNow, ct);
        return accepted.IsSuccess ? LocalRedirect("/" + Tenant.Code) : Refused(accepted.Error!);
    }

    public async Task<IActionResult> OnPostRegisterAsync(string? displayName, string? password, string? confirmPassword, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Invalid();
        }

        DisplayName = displayName;
        var accepted = await Invitations.AcceptWithNewAccountAsync(users, db, Id, Secret, displayName ?? "", password ?? "", confirmPassword ?? "", DateTime.UtcNow, ct);
        if (!accepted.IsSuccess)
        {
            return Refused(accepted.Error!);
        }

        await SessionCookie.SignInAsync(HttpContext, accepted.Value.User, ct);
        return LocalRedirect("/" + Tenant.Code);
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Invalid();
        }

        var declined = await Invitations.DeclineAsync(db, Id, Secret, DateTime.UtcNow, ct);
        if (!declined.IsSuccess)
        {
            return Refused(declined.Error!);
        }

        Declined = true;
        return Page();
    }

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var found = await Invitations.FindAsync(db, Id, Secret, DateTime.UtcNow, ct);
        Invitation = found.IsSuccess ? found.Value : null;
        Current = User.Identity?.IsAuthenticated == true ? await users.GetUserAsync(User) : null;
        return Invitation is not null;
    }

    /// <summary>An unknown, used, expired or withdrawn link: 404 with one message for all.</summary>
    private PageResult Invalid()
    {
        ErrorResponses.AddTo(ModelState, Core.Identity.Errors.InvitationInvalid);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private PageResult Refused(Core.Common.Error error)
    {
        ErrorResponses.AddTo(ModelState, error);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
