using InfraLedger.Core.Database;
using InfraLedger.Core.OpenData;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.OpenData;

/// <summary>
/// Which of the tenant's datasets are open data, under which licence, with the links to their public page and files;
/// the tenant's admin publishes, changes the licence or withdraws (one audit event each).
/// </summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class IndexModel(AppDbContext db, OpenDataLicences licences, IAuthorizationService authorization) : PageModel
{
    [TempData]
    public string? Saved { get; set; }

    public LocalGovernment Tenant { get; private set; } = null!;

    public bool CanPublish { get; private set; }

    /// <summary>The demo tenant, whose 固定資産台帳 the seed leaves for its admin to publish.</summary>
    public bool IsDemo => Tenant.Code == DemoData.TenantCode;

    public Dictionary<string, OpenDataset> Published { get; private set; } = [];

    public OpenDataLicences Licences => licences;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPublishAsync(string? dataset, string? licence, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.TenantAdmin)).Succeeded)
        {
            return Forbid();
        }

        var published = await Publication.PublishAsync(db, dataset, licence, licences, DateTime.UtcNow, ct);
        if (!published.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, published.Error!);
            await LoadAsync(ct);
            return Page();
        }

        Saved = $"「{DatasetKind.Find(dataset)!.Title}」を{licences.Describe(published.Value.Licence).Title}で公開しました。";
        return Redirect($"/{HttpContext.Tenant().Code}/opendata");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string? dataset, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.TenantAdmin)).Succeeded)
        {
            return Forbid();
        }

        var withdrawn = await Publication.WithdrawAsync(db, dataset, ct);
        if (!withdrawn.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, withdrawn.Error!);
            await LoadAsync(ct);
            return Page();
        }

        Saved = $"「{withdrawn.Value.Title}」の公開を取り下げました。カタログとダウンロードから直ちに消えます。";
        return Redirect($"/{HttpContext.Tenant().Code}/opendata");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        CanPublish = (await authorization.AuthorizeAsync(User, Policies.TenantAdmin)).Succeeded;
        Published = await Publication.OfTenantAsync(db, ct);
    }
}
