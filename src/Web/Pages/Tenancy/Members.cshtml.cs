using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Tenancy;

[Authorize(Policy = Policies.TenantAdmin)]
public sealed class MembersModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public List<UserAccounts.Member> Members { get; private set; } = [];

    public string? Email { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSetAsync(string email, TenantRole role, CancellationToken ct)
    {
        var result = await UserAccounts.SetMembershipAsync(db, email ?? "", role, ct);
        if (!result.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, result.Error!);
            Email = email;
            await LoadAsync(ct);
            return Page();
        }

        Done = $"{email} を{RoleLabels.Of(role)}として登録しました。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string userId, CancellationToken ct)
    {
        var result = await UserAccounts.RemoveMembershipAsync(db, userId ?? "", ct);
        if (!result.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, result.Error!);
            await LoadAsync(ct);
            return Page();
        }

        Done = "メンバーを外しました。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Members = await UserAccounts.MembersAsync(db, ct);
    }
}
