using System.Globalization;
using InfraLedger.Core.Database;
using InfraLedger.Core.Projection;
using InfraLedger.Core.Tables;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Projection;

/// <summary>The tenant's 投資的経費 per fiscal year (the projection chart's recent-investment line): list, enter or delete a year, import a file.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class InvestmentsModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    /// <summary>The year form as typed.</summary>
    public sealed class YearInput
    {
        public string? FiscalYear { get; set; }

        public string? Renewal { get; set; }

        public string? NewBuild { get; set; }

        public string? Land { get; set; }

        public string? Source { get; set; }

        public string? DeleteYear { get; set; }
    }

    public LocalGovernment Tenant { get; private set; } = null!;

    public List<RecentInvestment> Rows { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    /// <summary>What a checked (not written) file would do, per year.</summary>
    public IReadOnlyList<string> Checked { get; private set; } = [];

    [BindProperty]
    public YearInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var text = Input.FiscalYear?.Trim() ?? "";
        var result = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? await RecentInvestments.SetAsync(db, new RecentInvestments.Input(year, Input.Renewal ?? "", Input.NewBuild ?? "", Input.Land ?? "", Input.Source ?? ""), ct)
            : Core.Projection.Errors.FiscalYearInvalid(text);
        if (!result.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, result.Error! with { Field = FieldOf(result.Error!.Field) }, "Input");
            return Page();
        }

        Saved = $"{year}年度の投資的経費を保存しました。";
        return Redirect(ScenarioLinks.Investments(Tenant.Code));
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var text = Input.DeleteYear?.Trim() ?? "";
        var result = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? await RecentInvestments.DeleteAsync(db, year, ct)
            : Core.Projection.Errors.FiscalYearInvalid(text);
        if (!result.IsSuccess)
        {
            ErrorResponses.AddTo(ModelState, result.Error! with { Field = "DeleteYear" }, "Input");
            return Page();
        }

        Saved = $"{year}年度の投資的経費を削除しました。";
        return Redirect(ScenarioLinks.Investments(Tenant.Code));
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? upload, bool dryRun, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        if (Uploads.Refuse(upload, UploadKind.RecentInvestments, "upload", out var refused))
        {
            ErrorResponses.AddTo(ModelState, refused);
            return Page();
        }

        await using var stream = upload.OpenReadStream();
        var result = await RecentInvestments.ImportAsync(db, stream, Path.GetFileName(upload.FileName), commit: !dryRun, ct);

        if (!result.IsSuccess || result.Value.Problems.Count > 0)
        {
            ModelState.AddModelError("upload", result.IsSuccess ? "問題があるため、何も取り込んでいません。" : result.Error!.Message);
            Problems = result.IsSuccess ? result.Value.Problems : [];
            return Page();
        }

        if (dryRun)
        {
            Checked = [.. result.Value.YearLines(null)];
            return Page();
        }

        Saved = $"投資的経費を取り込みました（{string.Join("／", result.Value.YearLines(null))}）。ファイルにない年度はそのままです。";
        return Redirect(ScenarioLinks.Investments(Tenant.Code));
    }

    /// <summary>Core names an unreadable amount by its Japanese label; the form's inputs are named in English.</summary>
    private static string? FieldOf(string? field) => field switch
    {
        "既存更新分" => nameof(YearInput.Renewal),
        "新規整備分" => nameof(YearInput.NewBuild),
        "用地取得分" => nameof(YearInput.Land),
        _ => field,
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        Rows = await RecentInvestments.ListAsync(db, ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
    }
}
