using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Maintenance;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using AssetKind = InfraLedger.Core.Register.AssetKind;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Deterioration;

/// <summary>A tenant's deterioration model of an asset kind: fit (own or pooled), import, hazards, transition matrix, curve, forecast.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public static readonly AssetKind[] Kinds = [AssetKind.Bridge, AssetKind.Tunnel, AssetKind.Road, AssetKind.SewerPipe];

    public LocalGovernment Tenant { get; private set; } = null!;

    public AssetKind Kind { get; private set; } = AssetKind.Bridge;

    public double Interval { get; private set; } = 5;

    public DeteriorationModel? Model { get; private set; }

    public List<Table> Tables { get; private set; } = [];

    public List<WideAreaGroup> Groups { get; private set; } = [];

    /// <summary>Pooled models of the wide-area groups this tenant belongs to, fitted by other members (ADR 0015).</summary>
    public List<DeteriorationModels.PooledModel> Pooled { get; private set; } = [];

    /// <summary>The tenant's scales, to tell which pooled models fit its kinds' number of levels.</summary>
    public Core.Inspections.GradeScales Scales { get; private set; } = Core.Inspections.GradeScales.National;

    /// <summary>The scale the kind's inspections are on for this tenant (the states of a fit).</summary>
    public Core.Inspections.GradeScheme Scheme { get; private set; } = Core.Inspections.GradeScheme.RoadStructure;

    public bool CanEdit { get; private set; }

    /// <summary>What the stock forecast assumes about works (none, practice, policy:名前), and the choices offered.</summary>
    public ForecastAssumption Assumption { get; private set; } = ForecastAssumption.None;

    public List<(string Value, string Label)> Assumptions { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string? kind, string? interval, string? assume, CancellationToken ct)
    {
        if (!TryKind(kind))
        {
            return NotFound();
        }

        var assumption = ForecastAssumption.Parse(assume);
        if (assumption.IsSuccess)
        {
            Assumption = assumption.Value;
        }
        else
        {
            ErrorResponses.AddTo(ModelState, assumption.Error!);
        }

        if (interval is not null)
        {
            if (!double.TryParse(interval, NumberStyles.Float, CultureInfo.InvariantCulture, out var z) || !(z > 0 && z <= 100))
            {
                // The error is shared with the forecast years (field "years"); here it is about the parameter "interval".
                ErrorResponses.AddTo(ModelState, Core.Deterioration.Errors.IntervalInvalid(interval) with { Field = "interval" });
            }
            else
            {
                Interval = z;
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostFitAsync(string? kind, string[]? covariates, long? group, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded)
        {
            return Forbid();
        }

        if (!TryKind(kind))
        {
            return NotFound();
        }

        var fitted = await DeteriorationModels.FitAsync(db, Kind, covariates ?? [], group, DateTime.UtcNow, ct);
        return await Done(fitted, "点検記録から劣化モデルを推定しました。", ct);
    }

    public async Task<IActionResult> OnPostImportAsync(string? kind, IFormFile? upload, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded)
        {
            return Forbid();
        }

        if (!TryKind(kind))
        {
            return NotFound();
        }

        if (Uploads.Refuse(upload, UploadKind.DeteriorationModel, "upload", out var refused))
        {
            ErrorResponses.AddTo(ModelState, refused);
            await LoadAsync(ct);
            return Page();
        }

        using var reader = new StreamReader(upload.OpenReadStream());
        var imported = await DeteriorationModels.ImportAsync(db, Kind, await reader.ReadToEndAsync(ct), upload.FileName, DateTime.UtcNow, ct);
        return await Done(imported, "劣化モデルを取り込みました。", ct);
    }

    /// <summary>Adopts a group's pooled model as this tenant's own model of its kind (editors; the copy is written in this tenant's scope).</summary>
    public async Task<IActionResult> OnPostAdoptAsync(string? kind, long? group, string? fittedBy, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded)
        {
            return Forbid();
        }

        if (!TryKind(kind))
        {
            return NotFound();
        }

        var adopted = await DeteriorationModels.AdoptAsync(db, group ?? 0, fittedBy ?? "", Kind, DateTime.UtcNow, ct);
        return await Done(adopted, "広域グループの共同推定モデルを採用しました。", ct);
    }

    /// <summary>A pooled model's scale as shown: the national scale's name, else the fitting member's scale code.</summary>
    public static string ScaleLabel(DeteriorationModels.PooledModel pooled) =>
        $"{Core.Inspections.GradeScheme.All.FirstOrDefault(s => s.Code == pooled.Model.Scheme)?.Name ?? pooled.Model.Scheme}（{pooled.States}区分）";

    private async Task<IActionResult> Done(Result<DeteriorationModel> result, string message, CancellationToken ct)
    {
        if (!result.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, result.Error!);
            await LoadAsync(ct);
            return Page();
        }

        Saved = message;
        return Redirect($"/{HttpContext.Tenant().Code}/deterioration?kind={DeteriorationTables.KindName(Kind)}");
    }

    private bool TryKind(string? kind)
    {
        if (kind is null)
        {
            return true;
        }

        if (!DeteriorationReport.KindNames.TryGetValue(kind, out var k))
        {
            return false;
        }

        Kind = k;
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
        Groups = await Core.Projection.Projections.GroupsAsync(db, ct);
        Scales = await Core.Inspections.GradeScales.LoadAsync(db, ct);
        Scheme = Scales.For(Kind);
        Pooled = await DeteriorationModels.PooledModelsAsync(db, ct);
        Model = await DeteriorationModels.FindAsync(db, Kind, ct);
        if (Model is null)
        {
            return;
        }

        Assumptions = await StockForecasts.ChoicesAsync(db, Model, ct);
        var (tables, refused) = await DeteriorationTables.BuildAsync(db, Model, Interval, DateTime.UtcNow.Year, Assumption, ct);
        Tables = tables;
        if (refused is not null)
        {
            ErrorResponses.AddTo(ModelState, refused with { Message = $"{refused.Message}（補修なしの予測を表示しています）", Field = refused.Field ?? "assume" });
            Assumption = ForecastAssumption.None;
        }
    }
}
