using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Help;

/// <summary>The users' glossary: words met on the pages, in Japanese.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class GlossaryModel : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public void OnGet() => Tenant = HttpContext.Tenant();
}
