using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Reports;

/// <summary>
/// The demo tenant's residents' reports: the default services and twelve sample reports around 焼津駅 with varied
/// services, sections and statuses, sent and handled through the real path (<see cref="ResidentReports.SubmitAsync"/>,
/// <see cref="Workflow"/>) and labelled as samples. Only when the tenant has no reports yet.
/// </summary>
public static class DemoReports
{
    private sealed record Sample(int DaysAgo, string Service, double Latitude, double Longitude, string? Address, string Description,
        Dictionary<string, IReadOnlyList<string>> Answers, Func<AppDbContext, long, DateTime, CancellationToken, Task>? Handle = null);

    public static async Task SeedAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.ResidentReports.AnyAsync(ct))
        {
            return;
        }

        await Services.AddDefaultsAsync(db, nowUtc, ct);
        long? sinkage = null;
        Sample[] samples =
        [
            new(60, "101", 34.86702, 138.32011, null, "交差点の手前の舗装に直径30cmほどの穴があります。", Answers(("damage", "pothole"), ("danger", "high"), ("size", "30")),
                async (d, id, at, c) =>
                {
                    await Ok(Workflow.SetStatusAsync(d, id, ReportStatus.InProgress, "現地を確認しました。近日中に補修します。", at.AddDays(1), c));
                    await Ok(Workflow.SetStatusAsync(d, id, ReportStatus.Fixed, "舗装の穴を補修しました。ご連絡ありがとうございました。", at.AddDays(6), c));
                }),
            new(45, "201", 34.87105, 138.31552, "栃山川にかかる橋", "橋の手すり（高欄）の一部が外れかけています。", Answers(("damage", "railing"), ("danger", "medium")),
                async (d, id, at, c) =>
                {
                    await Ok(Workflow.AddNoteAsync(d, id, "点検業者に現地確認を依頼（内部）。", isPublic: false, at.AddDays(1), c));
                    await Ok(Workflow.SetStatusAsync(d, id, ReportStatus.InProgress, "応急の措置をしました。本格的な修繕は業者と調整中です。", at.AddDays(3), c));
                }),
            new(40, "101", 34.86250, 138.32405, null, "歩道との境目に細かいひび割れが広がっています。", Answers(("damage", "crack"), ("danger", "low")),
                (d, id, at, c) => Ok(Workflow.SetStatusAsync(d, id, ReportStatus.Scheduled, "今年度の舗装補修工事で対応する予定です。", at.AddDays(4), c))),
            new(30, "102", 34.85905, 138.31208, null, "カーブのガードレールが車にぶつけられたように曲がっています。", Answers(("damage", "bent"), ("danger", "medium")),
                async (d, id, at, c) =>
                {
                    await Ok(Workflow.AddNoteAsync(d, id, "警察に事故の届出があるか照会中。", isPublic: false, at.AddDays(1), c));
                    await Ok(Workflow.SetStatusAsync(d, id, ReportStatus.InProgress, null, at.AddDays(2), c));
                }),
            new(25, "301", 34.87550, 138.30905, "中央公園", "ぶらんこの鎖の一部がさびて切れそうです。", Answers(("equipment", "swing"), ("danger", "high"), ("park", "中央公園")),
                async (d, id, at, c) =>
                {
                    await Ok(Workflow.SetStatusAsync(d, id, ReportStatus.InProgress, "ぶらんこを使用禁止にしました。", at.AddHours(5), c));
                    await Ok(Workflow.SetStatusAsync(d, id, ReportStatus.Fixed, "鎖を交換し、使用できるようにしました。", at.AddDays(9), c));
                }),
            new(20, "103", 34.86505, 138.30502, null, "夜になっても街路灯が点きません。", Answers(("state", "off")),
                (d, id, at, c) => Ok(Workflow.SetStatusAsync(d, id, ReportStatus.Fixed, "ランプを交換しました。", at.AddDays(2), c))),
            new(15, "901", 34.87852, 138.32803, "県道沿いの側溝", "側溝のふたがずれて隙間ができています。", Answers(),
                (d, id, at, c) => Ok(Workflow.SetStatusAsync(d, id, ReportStatus.NotResponsible, "県道のため、静岡県の土木事務所にお伝えしました。", at.AddDays(1), c))),
            new(10, "301", 34.86105, 138.31805, "みなと公園", "ベンチの座板が1枚割れています。", Answers(("equipment", "bench"), ("danger", "low")),
                (d, id, at, c) => Ok(Workflow.SetStatusAsync(d, id, ReportStatus.Unable, "このベンチは今年度中に撤去・更新する予定のため、それまで使用禁止の表示をしました。", at.AddDays(3), c))),
            new(5, "901", 34.86905, 138.32505, "駅前の横断歩道付近", "横断歩道の白線が消えかかっています。", Answers(),
                (d, id, at, c) => Ok(Workflow.SetHiddenAsync(d, id, true, "通報文に個人名が含まれていたため非公開（デモ）。", at.AddHours(3), c))),
            new(3, "101", 34.86455, 138.31605, null, "道路の端が陥没して段差になっています。", Answers(("damage", "sinkage"), ("danger", "high"))),
            new(2, "101", 34.86470, 138.31620, null, "陥没があり、自転車が危ないです。", Answers(("damage", "sinkage"), ("danger", "high")),
                (d, id, at, c) => Ok(Workflow.MarkDuplicateAsync(d, id, sinkage!.Value, at.AddHours(2), c))),
            new(1, "103", 34.87005, 138.31305, null, "街路灯が点滅しています。", Answers(("state", "flicker"), ("pole", "焼津-1234"))),
        ];

        foreach (var sample in samples)
        {
            var at = nowUtc.AddDays(-sample.DaysAgo);
            var submission = new Submission(sample.Service, ResidentReports.Invariant(sample.Latitude), ResidentReports.Invariant(sample.Longitude), sample.Address, null, null,
                sample.Description, sample.Answers, [], Submission.Reporter.None, "web", []);
            var report = await Ok(ResidentReports.SubmitAsync(db, submission, at, ct));
            if (sample.Description.StartsWith("道路の端が陥没", StringComparison.Ordinal))
            {
                sinkage = report.Id;
            }

            // Staff checked it and published it (ADR 0014) an hour after it came in.
            await Ok(Workflow.PublishAsync(db, report.Id, at.AddHours(1), ct));
            if (sample.Handle is { } handle)
            {
                await handle(db, report.Id, at, ct);
            }
        }

        // Labelled as samples wherever they are shown (through SaveChanges, so the audit trail records it).
        foreach (var report in await db.ResidentReports.ToListAsync(ct))
        {
            db.Entry(report).Property(r => r.IsSample).CurrentValue = true;
        }

        await db.SaveChangesAsync(ct);
    }

    private static Dictionary<string, IReadOnlyList<string>> Answers(params (string Code, string Value)[] answers) =>
        answers.ToDictionary(a => a.Code, a => (IReadOnlyList<string>)[a.Value], StringComparer.Ordinal);

    private static async Task<T> Ok<T>(Task<Common.Result<T>> step)
    {
        var result = await step;
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"デモの通報を作れません: {result.Error!.Message}");
    }
}
