using InfraLedger.Core.Database;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Reports;

/// <summary>
/// 返答の定型文 (issue 22 item 5): ready public notes per kind of report, which staff pick on a report's page when
/// answering. Every member reads them; editors and admins add, change and delete them.
/// </summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class TemplatesModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public sealed class TemplateInput
    {
        public string? ServiceCode { get; set; }

        public string? Title { get; set; }

        public string? Text { get; set; }
    }

    public LocalGovernment Tenant { get; private set; } = null!;

    public List<ResponseTemplate> Templates { get; private set; } = [];

    public List<ReportService> Services { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>The template being changed (<c>?edit=</c>), or null for a new one.</summary>
    public int? Editing { get; private set; }

    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(int? edit, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (edit is { } id)
        {
            var template = Templates.FirstOrDefault(x => x.Id == id);
            if (template is null)
            {
                return NotFound();
            }

            Editing = id;
            Input = new TemplateInput { ServiceCode = template.ServiceCode, Title = template.Title, Text = template.Text };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? edit, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var saved = await ResponseTemplates.SaveAsync(db, edit, Input.ServiceCode, Input.Title, Input.Text, DateTime.UtcNow, ct);
        if (!saved.IsSuccess)
        {
            if (saved.Error!.Kind == Core.Common.ErrorKind.NotFound)
            {
                return NotFound();
            }

            Editing = edit;
            ErrorResponses.AddTo(ModelState, saved.Error, "Input");
            return Page();
        }

        Saved = $"定型文「{saved.Value.Title}」を保存しました。";
        return Redirect(ReportPages.Templates(Tenant.Code));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var deleted = await ResponseTemplates.DeleteAsync(db, id, ct);
        if (!deleted.IsSuccess)
        {
            return NotFound();
        }

        Saved = "定型文を削除しました。";
        return Redirect(ReportPages.Templates(Tenant.Code));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.TenantEditor)).Succeeded;
        Templates = await ResponseTemplates.ListAsync(db, ct);
        Services = await Core.Reports.Services.ListAsync(db, includeInactive: true, ct);
    }
}
