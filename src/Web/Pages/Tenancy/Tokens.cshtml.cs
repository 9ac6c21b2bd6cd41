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
public sealed class TokensModel(AppDbContext db) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public List<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The plain text of a token just issued: shown in this response only.</summary>
    public string? Issued { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string name, TenantRole role, CancellationToken ct)
    {
        var result = await ApiTokens.CreateAsync(db, name ?? "", role, DateTime.UtcNow, ct);
        if (result.IsSuccess)
        {
            Issued = result.Value.PlainText;
        }
        else
        {
            ErrorResponses.AddTo(ModelState, result.Error!);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, CancellationToken ct)
    {
        var result = await ApiTokens.RevokeAsync(db, id ?? "", DateTime.UtcNow, ct);
        if (!result.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, result.Error!);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Tokens = await ApiTokens.ListAsync(db, ct);
    }
}
