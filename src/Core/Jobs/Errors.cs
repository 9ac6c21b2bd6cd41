using InfraLedger.Core.Common;

namespace InfraLedger.Core.Jobs;

/// <summary>Refusals of background jobs: a job over its kind's size or time limit.</summary>
public static class Errors
{
    public static Error TooLarge(JobKind kind, long size) =>
        new("jobs.too_large", $"{kind.Label}の大きさ（{kind.Describe(size)}）が上限（{kind.Describe(kind.MaxSize)}）を超えているため、受け付けませんでした。"
            + $"分けて行うか、管理者に上限（Jobs:{kind.Name}:MaxSize）の引き上げを依頼してください。");

    public static Error TimedOut(JobKind kind) =>
        new("jobs.timed_out", $"{kind.Label}が制限時間（{Minutes(kind.TimeLimit)}）を超えたため中止しました。何も書き込まれていません。"
            + $"分けて行うか、管理者に制限時間（Jobs:{kind.Name}:TimeLimitSeconds）の引き上げを依頼してください。");

    private static string Minutes(TimeSpan limit) =>
        limit.TotalMinutes >= 1 ? $"{Math.Round(limit.TotalMinutes, 1):0.#}分" : $"{limit.TotalSeconds:0}秒";
}
