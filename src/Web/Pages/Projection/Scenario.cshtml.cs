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

/// <summary>One of the tenant's scenarios: every parameter in a form (editors save it as a new version), its JSON, deletion.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class ScenarioModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public ScenarioRef Scenario { get; private set; } = null!;

    public ScenarioFormView View { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    [BindProperty]
    public ScenarioForm Input { get; set; } = new();

    /// <summary>The version the form was opened at: saving is refused when someone has saved since.</summary>
    [BindProperty]
    public int Version { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken ct)
    {
        if (!await LoadAsync(name, ct))
        {
            return NotFound();
        }

        Input = ScenarioForm.From(Scenario.Parameters);
        Version = Scenario.ScenarioVersion ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(string name, CancellationToken ct) =>
        await LoadAsync(name, ct)
            ? File(Encoding.UTF8.GetBytes(Scenario.Parameters.ToJson()), "application/json; charset=utf-8", $"{Scenario.Name}.json")
            : NotFound();

    public async Task<IActionResult> OnPostAsync(string name, CancellationToken ct)
    {
        if (!await LoadAsync(name, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        // Nothing is saved unless every value reads and Core's checks pass; each refusal goes to its input.
        var reader = new ScenarioFormReader();
        var parameters = reader.Read(Input, Scenario.Parameters.Unverified);
        var broken = reader.Errors.Count == 0 ? ScenarioValidation.CheckAll(parameters) : [];
        foreach (var error in broken)
        {
            ErrorResponses.AddTo(ModelState, error with { Field = reader.KeyOf(error.Field) });
        }

        if (reader.Errors.Count == 0 && broken.Count == 0)
        {
            var saved = await Scenarios.UpdateAsync(db, Scenario.Name, parameters, Version, ct);
            if (saved.IsSuccess)
            {
                Saved = $"シナリオ「{saved.Value.Name}」を保存しました（第{saved.Value.Version}版）。";
                return Redirect(ScenarioLinks.Scenario(Tenant.Code, saved.Value.Name));
            }

            ErrorResponses.AddTo(ModelState, saved.Error! with { Field = reader.KeyOf(saved.Error!.Field) });
        }

        foreach (var error in reader.Errors)
        {
            ErrorResponses.AddTo(ModelState, error);
        }

        Input.AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string name, bool confirmDelete, CancellationToken ct)
    {
        if (!await LoadAsync(name, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        if (!confirmDelete)
        {
            ModelState.AddModelError("confirmDelete", "削除してよいことを確かめるため、「このシナリオを削除する」にチェックを入れてください。");
            Input = ScenarioForm.From(Scenario.Parameters);
            Version = Scenario.ScenarioVersion ?? 0;
            return Page();
        }

        var deleted = await Scenarios.DeleteAsync(db, Scenario.Name, ct);
        if (!deleted.IsSuccess)
        {
            return NotFound();
        }

        Saved = $"シナリオ「{Scenario.Name}」を削除しました。";
        return Redirect(ScenarioLinks.Scenarios(Tenant.Code));
    }

    /// <summary>False when the tenant has no scenario of that name (a preset's id is not a scenario: presets are read-only).</summary>
    private async Task<bool> LoadAsync(string name, CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        var scenario = await Scenarios.ResolveAsync(db, name, ct);
        if (!scenario.IsSuccess || scenario.Value.IsPreset)
        {
            return false;
        }

        Scenario = scenario.Value;
        View = new ScenarioFormView(Scenario.Parameters.Unverified);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
        return true;
    }
}
