using InfraLedger.Core.Register.Import;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Jobs;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InfraLedger.Web.Pages.Register.Import;

/// <summary>Progress of an import job, then its report: problems, the column mapping to adjust, commit.</summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class ImportJobModel(ImportJobs jobs, TenantScope scope) : PageModel
{
    public JobState Job { get; private set; } = null!;

    public RegisterImport.Outcome? Outcome { get; private set; }

    /// <summary>Read once, before the result: the job may finish while the page renders.</summary>
    public bool Finished { get; private set; }

    public string TenantCode => HttpContext.Tenant().Code;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Finished && Job.Outcome() is { IsSuccess: false } failed)
        {
            ErrorResponses.AddTo(ModelState, failed.Error!);
        }

        return Page();
    }

    /// <summary>Stops the job wherever it runs (ADR 0033): on another instance at that instance's next heartbeat.</summary>
    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (!await jobs.CancelAsync(TenantCode, id, ct))
        {
            return NotFound();
        }

        return Redirect($"/{TenantCode}/import/{id}");
    }

    /// <summary>A changed mapping or prefix; the prefix field is read as sent, since an emptied field (no prefix) must not read as absent.</summary>
    public Task<IActionResult> OnPostRecheckAsync(Guid id, Dictionary<int, string?> columns, CancellationToken ct) =>
        FollowAsync(id, commit: false, columns, Request.Form.TryGetValue("codePrefix", out var prefix) ? prefix.ToString() : null, allowOverwrite: false, ct);

    public Task<IActionResult> OnPostCommitAsync(Guid id, bool allowOverwrite, CancellationToken ct) => FollowAsync(id, commit: true, columns: null, codePrefix: null, allowOverwrite, ct);

    /// <summary>
    /// A new job on the same upload: a dry run with a changed mapping or code prefix, or the commit of the checked mapping
    /// (which must confirm the overwrite the check found, if any).
    /// </summary>
    private async Task<IActionResult> FollowAsync(Guid id, bool commit, Dictionary<int, string?>? columns, string? codePrefix, bool allowOverwrite, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Job.Input is not ImportRequest request || Outcome is null)
        {
            return NotFound();
        }

        if (commit && Outcome.NeedsConfirmation && !allowOverwrite)
        {
            ModelState.AddModelError("allowOverwrite", "既存の行を上書きします。内容を確認し、「上書きを確認しました」にチェックを入れてください。");
            return Page();
        }

        var mapping = columns is null
            ? Outcome.Mapping
            : Outcome.Mapping with
            {
                Columns = columns.Where(c => !string.IsNullOrEmpty(c.Value) && c.Key >= 0 && c.Key < Outcome.Headers.Count)
                    .GroupBy(c => c.Value!).ToDictionary(g => g.Key, g => g.First().Key),
            };
        var options = request.Options with
        {
            Commit = commit,
            Mapping = mapping with { CodePrefix = codePrefix is null ? mapping.CodePrefix : codePrefix.Trim().Length == 0 ? null : codePrefix.Trim() },
            CodePrefix = codePrefix is null ? request.Options.CodePrefix : codePrefix.Trim(),
            AllowOverwrite = allowOverwrite,
        };
        var next = jobs.Start(TenantCode, scope.Actor, request with { Options = options });
        return Redirect($"/{TenantCode}/import/{next.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var job = await jobs.FindAsync(TenantCode, id, ct);
        if (job is null)
        {
            return false;
        }

        Job = job;
        Finished = job.IsFinished;
        Outcome = Finished && job.Outcome() is { IsSuccess: true } ok ? ok.Value : null;
        return true;
    }
}
