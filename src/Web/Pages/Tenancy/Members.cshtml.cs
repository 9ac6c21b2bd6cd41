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
public sealed class MembersModel(AppDbContext db, UserManager<AppUser> users, Core.Mail.MailSettings mail) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public List<UserAccounts.Member> Members { get; private set; } = [];

    public List<TenantInvitation> Invitations { get; private set; } = [];

    public string? Email { get; private set; }

    /// <summary>Whether mails leave the outbox (an SMTP server is set); otherwise the invitation waits there.</summary>
    public bool MailConfigured => mail.Configured;

    public Core.Identity.Invitations.Issued? Issued { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSetAsync(string email, TenantRole role, CancellationToken ct)
    {
        var result = await Core.Identity.Invitations.InviteOrChangeRoleAsync(db, email ?? "", role, DateTime.UtcNow, ct, mail);
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

        // The same answer whether or not the address has an account: an invitation, whose link goes only to the address
        // by mail (the admin never sees it, so only the address's owner can accept).
        Issued = ((Core.Identity.Invitations.Invited)result.Value).Issued;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string userId, TenantRole role, CancellationToken ct) =>
        await AfterAsync(await UserAccounts.ChangeRoleOfAsync(db, userId ?? "", role, ct), $"役割を{RoleLabels.Of(role)}にしました。", ct);

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
