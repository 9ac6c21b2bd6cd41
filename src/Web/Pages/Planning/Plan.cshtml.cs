using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.OpenData;
using InfraLedger.Core.Planning;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>
/// One kept plan (個別施設計画 ①–⑥) and its acts: decide (editors), re-run on today's data (editors), publish or
/// withdraw the decided plan's summary (admins, as the other open datasets). Another tenant's plan is never found (404).
/// </summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class PlanModel(AppDbContext db, OpenDataLicences licences, IAuthorizationService authorization) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public WorksPlanView Plan { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public bool CanPublish { get; private set; }

    /// <summary>The tenant's published summary, if any (it may be of another decided plan).</summary>
    public PlanSummaryPublication.Published? Published { get; private set; }

    public OpenDataLicences Licences => licences;

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecideAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var decided = await WorksPlans.DecideAsync(db, id, DateTime.UtcNow, ct);
        return Done(decided.Error, $"計画 {id} を決定しました。", PlanningLinks.Plan(Tenant.Code, id));
    }

    public async Task<IActionResult> OnPostRerunAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var rerun = await WorksPlans.RerunAsync(db, id, DateTime.UtcNow, ct);
        return rerun.IsSuccess
            ? Done(null, $"計画 {id} を今のデータで再計算し、案として保存しました。", PlanningLinks.Diff(Tenant.Code, rerun.Value.Summary.Id))
            : Done(rerun.Error, "", "");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, string? licence, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanPublish)
        {
            return Forbid();
        }

        var summary = await WorksPlans.SummaryAsync(db, id, ct);
        if (!summary.IsSuccess)
        {
            return Done(summary.Error, "", "");
        }

        var published = await PlanSummaryPublication.PublishAsync(db, summary.Value, licence, licences, DateTime.UtcNow, ct);
        return Done(published.Error, $"計画 {id} の概要を公開ダッシュボードとオープンデータに公表しました。", PlanningLinks.Plan(Tenant.Code, id));
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanPublish)
        {
            return Forbid();
        }

        var withdrawn = await PlanSummaryPublication.WithdrawAsync(db, ct);
        return Done(withdrawn.Error, "計画の概要の公表を取り下げました。", PlanningLinks.Plan(Tenant.Code, id));
    }

    private IActionResult Done(Error? error, string message, string next)
    {
        if (error is not null)
        {
            ErrorResponses.AddTo(ModelState, error with { Field = null });
            return Page();
        }

        Saved = message;
        return Redirect(next);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var found = await WorksPlans.FindAsync(db, id, ct);
        if (!found.IsSuccess)
        {
            return false;
        }

        Plan = found.Value;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
        CanPublish = (await authorization.AuthorizeAsync(User, Policies.TenantAdmin)).Succeeded;
        Published = await PlanSummaryPublication.OfBodyAsync(db, Tenant.Code, ct);
        return true;
    }
}
