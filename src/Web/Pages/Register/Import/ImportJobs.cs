using InfraLedger.Core.Common;
using InfraLedger.Core.Jobs;
using InfraLedger.Core.Register.Import;
using InfraLedger.Web.Jobs;

namespace InfraLedger.Web.Pages.Register.Import;

/// <summary>An uploaded file waiting to be checked or imported, with the options chosen for it.</summary>
public sealed record ImportRequest(string UploadPath, string FileName, RegisterImport.Options Options);

/// <summary>Starts dry runs and commits of uploaded register files as background jobs.</summary>
public sealed class ImportJobs(JobRegistry registry, IConfiguration configuration)
{
    /// <summary>Uploads wait here until imported (configurable: <c>Storage:Uploads</c>).</summary>
    public string UploadDirectory => configuration["Storage:Uploads"] ?? Path.Combine(Path.GetTempPath(), "infraledger-uploads");

    public async Task<string> SaveUploadAsync(string tenantId, IFormFile file, CancellationToken ct)
    {
        var dir = Path.Combine(UploadDirectory, tenantId);
        Directory.CreateDirectory(dir);
        // Uploads that were checked but never committed are dropped after a day.
        foreach (var stale in new DirectoryInfo(dir).EnumerateFiles().Where(f => f.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1)))
        {
            stale.Delete();
        }

        var path = Path.Combine(dir, Guid.NewGuid().ToString("N"));
        await using var target = File.Create(path);
        await file.CopyToAsync(target, ct);
        return path;
    }

    public JobState Start(string tenantId, string actor, ImportRequest request)
    {
        var title = (request.Options.Commit ? "取込: " : "検査: ") + request.FileName;
        var size = File.Exists(request.UploadPath) ? new FileInfo(request.UploadPath).Length : 0;
        return registry.Enqueue(Core.Jobs.JobKind.Import, size, tenantId, title, actor, request, async (state, db, ct) =>
        {
            if (!File.Exists(request.UploadPath))
            {
                state.Message = "アップロードされたファイルはもうありません（取込済みか、1日以上前のものです）。もう一度アップロードしてください。";
                state.Status = JobStatus.Failed;
                return;
            }

            await using var stream = File.OpenRead(request.UploadPath);
            var progress = new SynchronousProgress(p =>
            {
                state.Rows = p.Rows;
                state.Fraction = p.Fraction;
            });
            var result = await RegisterImport.RunAsync(db, stream, request.FileName, request.Options, progress, DateTime.UtcNow, ct);
            state.Result = result;
            state.Message = !result.IsSuccess ? result.Error!.Message
                : result.Value.Committed ? $"取込を確定しました（追加 {result.Value.Added:N0}、更新 {result.Value.Updated:N0}、変更なし {result.Value.Unchanged:N0}）。"
                : result.Value.HasProblems ? $"問題が {result.Value.ProblemCount:N0} 件あります。何も書き込まれていません。"
                : result.Value.NeedsConfirmation && request.Options.Commit ? "既存の行の上書きが確認されていないため、何も書き込まれていません。"
                : result.Value.NeedsConfirmation ? "問題はありません。既存の行を上書きします。内容を確認し、上書きを確認してから確定してください。"
                : "問題はありません。内容を確認して取込を確定してください。";
            state.Status = result.IsSuccess && !result.Value.HasProblems && !(result.Value.NeedsConfirmation && request.Options.Commit) ? JobStatus.Succeeded : JobStatus.Failed;
            if (result.IsSuccess && result.Value.Committed)
            {
                // Imported: the register now holds it; the uploaded copy is not kept.
                File.Delete(request.UploadPath);
            }
        });
    }

    public Task<JobState?> FindAsync(string tenantId, Guid id, CancellationToken ct) => registry.FindAsync(tenantId, id, ct);

    public Task<bool> CancelAsync(string tenantId, Guid id, CancellationToken ct) => registry.CancelAsync(tenantId, id, ct);

    /// <summary>Progress reported on the worker's own thread (Progress&lt;T&gt; would post to the thread pool out of order).</summary>
    private sealed class SynchronousProgress(Action<RegisterImport.Progress> report) : IProgress<RegisterImport.Progress>
    {
        public void Report(RegisterImport.Progress value) => report(value);
    }
}

public static class ImportJobResults
{
    public static Result<RegisterImport.Outcome>? Outcome(this JobState job) => job.Result as Result<RegisterImport.Outcome>?;
}
