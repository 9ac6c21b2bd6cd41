using InfraLedger.Core.Register;
using InfraLedger.Core.Register.Import;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Register.Import;

[Authorize(Policy = Policies.TenantEditor)]
[RequestSizeLimit(MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
public sealed class ImportModel(ImportJobs jobs, TenantScope scope) : PageModel
{
    /// <summary>1 GiB: the reader's own limit (ReadLimits) refuses larger files with a clear message anyway.</summary>
    public const long MaxUpload = 1L << 30;

    public string TenantName => HttpContext.Tenant().Name;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, ImportTarget target, string? codePrefix, AssetKind? defaultKind, DateOnly? validFrom, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("Upload", "取り込むファイルを選んでください。");
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
