using InfraLedger.Core.Help;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Help;

/// <summary>One feature's help: what it does, its steps, the files it takes with their columns and templates.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class TopicModel : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public HelpTopic Topic { get; private set; } = null!;

    public IActionResult OnGet(string topic)
    {
        Tenant = HttpContext.Tenant();
        if (HelpTopics.Find(topic) is not { } found)
        {
            return NotFound();
        }

        Topic = found;
        return Page();
    }
}
