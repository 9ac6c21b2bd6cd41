using System.Text;
using InfraLedger.Core.Database;
using InfraLedger.Core.Projection;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Projection;

/// <summary>The shipped presets and the tenant's scenarios; editors copy a preset into a new scenario.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class ScenariosModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    /// <summary>The copy form as typed.</summary>
    public sealed class CopyInput
    {
        public string? Name { get; set; }

        public string? PresetId { get; set; } = Presets.Baseline;
    }

    public LocalGovernment Tenant { get; private set; } = null!;

    public List<ProjectionScenario> Rows { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public CopyInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>A preset's parameters, read-only and the same for every tenant.</summary>
    public IActionResult OnGetJson(string? preset) =>
        Presets.Find(preset ?? "") is { } p
            ? File(Encoding.UTF8.GetBytes(p.Parameters.ToJson()), "application/json; charset=utf-8", $"{p.Id}-v{p.Version}.json")
            : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var created = await Scenarios.CreateAsync(db, Input.Name ?? "", Input.PresetId ?? "", ct);
        if (!created.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, created.Error!, "Input");
            return Page();
        }

        Saved = $"プリセット {created.Value.PresetId} をコピーして、シナリオ「{created.Value.Name}」を作りました。";
        return Redirect(ScenarioLinks.Scenario(Tenant.Code, created.Value.Name));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Rows = await Scenarios.ListAsync(db, ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
    }
}
