using InfraLedger.Core.Database;
using InfraLedger.Core.OpenData;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.OpenData;

/// <summary>The public page of a published dataset (CKAN's <c>url</c>): what it holds, its licence and its files. Unpublished: 404.</summary>
[AllowAnonymous]
public sealed class DatasetModel(AppDbContext db, OpenDataLicences licences) : PageModel
{
    public CkanPackage Package { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string dataset, CancellationToken ct)
    {
        var catalog = await CkanEndpoints.LoadAsync(HttpContext, db, licences, ct);
        if (DatasetKind.Find(dataset) is not { } kind || catalog.FindPackage(Catalog.PackageName(HttpContext.Tenant().Code, kind)) is not { } package)
        {
            return NotFound();
        }

        Package = package;
        return Page();
    }
}
