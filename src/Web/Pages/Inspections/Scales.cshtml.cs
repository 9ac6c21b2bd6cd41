using InfraLedger.Core.Database;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using AssetKind = InfraLedger.Core.Register.AssetKind;

namespace InfraLedger.Web.Pages.Inspections;

/// <summary>The tenant's own grade scales and which asset kind uses which (tenant admins): ADR 0015.</summary>
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class ScalesModel(AppDbContext db) : PageModel
{
    public static readonly AssetKind[] Kinds = [AssetKind.Bridge, AssetKind.Tunnel, AssetKind.Road, AssetKind.SewerPipe, AssetKind.WaterPipe, AssetKind.Building, AssetKind.Park, AssetKind.Other];

    public LocalGovernment Tenant { get; private set; } = null!;

    public GradeScales Scales { get; private set; } = GradeScales.National;

    [BindProperty]
    public ScaleForm Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(string? edit, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (edit is not null && Scales.Defined.FirstOrDefault(s => s.Code == edit) is { } scale)
        {
            Input = new ScaleForm { Code = scale.Code, Name = scale.Name, Levels = string.Join("\n", scale.Levels) };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear(); // the scale's own checks give the Japanese messages
        var saved = await GradeScales.DefineAsync(db, Input.Code, Input.Name, Input.Levels, ct);
        if (!saved.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, saved.Error!, "Input");
            await LoadAsync(ct);
            return Page();
        }

        Saved = $"区分の体系「{saved.Value.Name}」（{saved.Value.Levels.Count}区分）を保存しました。";
        return Redirect($"/{HttpContext.Tenant().Code}/inspections/scales");
    }

    public async Task<IActionResult> OnPostAssignAsync(string? kind, string? scale, CancellationToken ct)
    {
        if (!Enum.TryParse<AssetKind>(kind, ignoreCase: true, out var k) || !Kinds.Contains(k))
        {
            return BadRequest();
        }

        var assigned = await GradeScales.AssignAsync(db, k, scale, ct);
        if (!assigned.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, assigned.Error! with { Field = null });
            await LoadAsync(ct);
            return Page();
        }

        Saved = $"{Core.Register.FacilityRegister.KindLabel(k)}の点検は「{assigned.Value.Name}」で記録します。";
        return Redirect($"/{HttpContext.Tenant().Code}/inspections/scales");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Scales = await GradeScales.LoadAsync(db, ct);
    }
}

/// <summary>A scale as posted: code, name, one level a line (best first).</summary>
public sealed class ScaleForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Levels { get; set; }
}
