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

[Authorize(Policy = Policies.TenantAdmin)]
public sealed class MembersModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public List<UserAccounts.Member> Members { get; private set; } = [];

    public List<TenantInvitation> Invitations { get; private set; } = [];

    public string? Email { get; private set; }

    /// <summary>The link of an invitation just created: shown in this response only (its secret is not stored).</summary>
    public string? InvitationLink { get; private set; }

    public Core.Identity.Invitations.Issued? Issued { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSetAsync(string email, TenantRole role, CancellationToken ct)
    {
        var result = await Core.Identity.Invitations.InviteOrChangeRoleAsync(db, email ?? "", role, DateTime.UtcNow, ct);
        if (!result.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, result.Error!);
            Email = email;
            await LoadAsync(ct);
            return Page();
        }

        if (result.Value is Core.Identity.Invitations.RoleChanged changed)
        {
            Done = $"{email?.Trim()} の役割を{RoleLabels.Of(changed.Membership.Role)}にしました。";
            return RedirectToPage();
        }

        // The same answer whether or not the address has an account: an invitation and its link, shown once.
        Issued = ((Core.Identity.Invitations.Invited)result.Value).Issued;
        InvitationLink = $"{Request.Scheme}://{Request.Host}{Issued.Path}";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string userId, CancellationToken ct) =>
        await AfterAsync(await UserAccounts.RemoveMembershipAsync(db, userId ?? "", ct), "メンバーを外しました。その人のサインインはすべて終了しました。", ct);

    public async Task<IActionResult> OnPostRevokeAsync(string id, CancellationToken ct) =>
        await AfterAsync(await Core.Identity.Invitations.RevokeAsync(db, id ?? "", DateTime.UtcNow, ct), "招待を取り消しました。そのリンクはもう使えません。", ct);

    public async Task<IActionResult> OnPostUnlockAsync(string userId, CancellationToken ct) =>
        await AfterAsync(await UserAccounts.UnlockAsync(users, db, userId ?? "", ct), "サインインのロックを解除しました。", ct);

    private async Task<IActionResult> AfterAsync<T>(Core.Common.Result<T> result, string done, CancellationToken ct)
    {
        if (!result.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, result.Error!);
            await LoadAsync(ct);
            return Page();
        }

        Done = done;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Members = await UserAccounts.MembersAsync(db, ct);
        Invitations = await Core.Identity.Invitations.PendingAsync(db, DateTime.UtcNow, ct);
    }
}
