using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Help;

/// <summary>The help index: a page per feature, the import templates and the glossary. Staff pages under the tenant.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class IndexModel : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public void OnGet() => Tenant = HttpContext.Tenant();
}
