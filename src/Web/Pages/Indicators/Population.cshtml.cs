using InfraLedger.Core.Database;
using InfraLedger.Core.Indicators;
using InfraLedger.Core.Tables;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Indicators;

/// <summary>The tenant's population per fiscal year (the denominator of per-resident figures): list, enter a year, import a file.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class PopulationModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public List<TenantPopulation> Rows { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    /// <summary>What a checked (not written) file would do, per year.</summary>
    public IReadOnlyList<string> Checked { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(int fiscalYear, string? population, string? basis, DateOnly? asOf, string? source, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded)
        {
            return Forbid();
        }

        var result = await Populations.SetAsync(db, new Populations.Input(fiscalYear, population ?? "", string.IsNullOrWhiteSpace(basis) ? "住民基本台帳人口" : basis, asOf, source ?? ""), ct);
        if (!result.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, result.Error!);
            await LoadAsync(ct);
            return Page();
        }

        Saved = $"{fiscalYear}年度の人口を保存しました。";
        return Redirect($"/{HttpContext.Tenant().Code}/indicators/population");
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? upload, bool dryRun, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded)
        {
            return Forbid();
        }

        if (Uploads.Refuse(upload, UploadKind.Population, "upload", out var refused))
        {
            ErrorResponses.AddTo(ModelState, refused);
            await LoadAsync(ct);
            return Page();
        }

        await using var stream = upload.OpenReadStream();
        var result = await Populations.ImportAsync(db, stream, Path.GetFileName(upload.FileName), commit: !dryRun, ct);
        if (!result.IsSuccess || result.Value.Problems.Count > 0)
        {
            ModelState.AddModelError("upload", result.IsSuccess ? "問題があるため、何も取り込んでいません。" : result.Error!.Message);
            Problems = result.IsSuccess ? result.Value.Problems : [];
            await LoadAsync(ct);
            return Page();
        }

        if (dryRun)
        {
            Checked = [.. result.Value.YearLines(null)];
            await LoadAsync(ct);
            return Page();
        }

        Saved = $"人口を取り込みました（{string.Join("／", result.Value.YearLines(null))}）。ファイルにない年度はそのままです。";
        return Redirect($"/{HttpContext.Tenant().Code}/indicators/population");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Rows = await Populations.ListAsync(db, ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
    }
}
