using InfraLedger.Core.Database;
using InfraLedger.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Register.Facilities;

/// <summary>施設カルテ, print layout (A4, one facility per page): the same sections without the page's links and forms.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class FacilityPrintModel(AppDbContext db) : PageModel
{
    public FacilityRecordView View { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var record = await FacilityRecordPage.LoadAsync(db, code, Year, ct);
        if (!record.IsSuccess)
        {
            return BadRequest(record.Error!.Message);
        }

        if (record.Value is null)
        {
            return NotFound();
        }

        View = await FacilityRecordPage.ViewAsync(HttpContext, db, record.Value, print: true, ct);
        return Page();
    }
}
