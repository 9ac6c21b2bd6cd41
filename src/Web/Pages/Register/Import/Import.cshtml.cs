using InfraLedger.Core.Register;
using InfraLedger.Core.Register.Import;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Register.Import;

[Authorize(Policy = Policies.TenantEditor)]
[RequestSizeLimit(Uploads.RegisterLedgerBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Uploads.RegisterLedgerBytes)]
public sealed class ImportModel(ImportJobs jobs, TenantScope scope) : PageModel
{
    public string TenantName => HttpContext.Tenant().Name;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, ImportTarget target, string? codePrefix, AssetKind? defaultKind, DateOnly? validFrom, CancellationToken ct)
    {
        if (Uploads.Refuse(upload, UploadKind.RegisterLedger, "Upload", out var refused))
        {
            ErrorResponses.AddTo(ModelState, refused);
            return Page();
        }

        var tenant = HttpContext.Tenant();
        var path = await jobs.SaveUploadAsync(tenant.Code, upload, ct);
        var options = new RegisterImport.Options(target, Commit: false, ValidFrom: validFrom,
            CodePrefix: string.IsNullOrWhiteSpace(codePrefix) ? null : codePrefix.Trim(), DefaultKind: defaultKind);
        var job = jobs.Start(tenant.Code, scope.Actor, new ImportRequest(path, Path.GetFileName(upload.FileName), options));
        return Redirect($"/{tenant.Code}/import/{job.Id}");
    }
}
