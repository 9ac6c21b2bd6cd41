namespace InfraLedger.Core.Reports;

/// <summary>
/// The handling states staff set (resident-reporting-features.md §4). Each maps to Open311's <c>open</c>/<c>closed</c>
/// and to a detailed status of mySociety's vocabulary (open311.md §11.3) for clients that want more.
/// </summary>
public enum ReportStatus
{
    /// <summary>受付.</summary>
    Received = 0,

    /// <summary>対応中.</summary>
    InProgress = 1,

    /// <summary>対応予定.</summary>
    Scheduled = 2,

    /// <summary>完了.</summary>
    Fixed = 3,

    /// <summary>対応不可.</summary>
    Unable = 4,

    /// <summary>重複.</summary>
    Duplicate = 5,

    /// <summary>管轄外.</summary>
    NotResponsible = 6,
}

public static class ReportStatuses
{
    public static IReadOnlyList<ReportStatus> All { get; } = Enum.GetValues<ReportStatus>();

    public static string Label(this ReportStatus status) => status switch
    {
        ReportStatus.Received => "受付",
        ReportStatus.InProgress => "対応中",
        ReportStatus.Scheduled => "対応予定",
        ReportStatus.Fixed => "完了",
        ReportStatus.Unable => "対応不可",
        ReportStatus.Duplicate => "重複",
        ReportStatus.NotResponsible => "管轄外",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool IsOpen(this ReportStatus status) => status is ReportStatus.Received or ReportStatus.InProgress or ReportStatus.Scheduled;

    /// <summary>The open states (<see cref="IsOpen"/>), for a query.</summary>
    public static IReadOnlyList<ReportStatus> Open { get; } = [.. All.Where(s => s.IsOpen())];

    /// <summary>
    /// 期限超過: still open after its expected date (the service's 対応目安日数 from receipt, <see cref="ResidentReport.ExpectedAtUtc"/>).
    /// The one definition of overdue; <see cref="ReportFilter.OverdueAtUtc"/> is the same rule as a query.
    /// </summary>
    public static bool IsOverdue(ReportStatus status, DateTime? expectedAtUtc, DateTime nowUtc) =>
        status.IsOpen() && expectedAtUtc is { } expected && expected < nowUtc;

    /// <summary>Open311 <c>status</c>.</summary>
    public static string Open311(this ReportStatus status) => status.IsOpen() ? "open" : "closed";

    /// <summary>mySociety's extended status (open311.md §11.3), sent as <c>detailed_status</c> with <c>extensions=true</c>.</summary>
    public static string Detailed(this ReportStatus status) => status switch
    {
        ReportStatus.Received => "OPEN",
        ReportStatus.InProgress => "IN_PROGRESS",
        ReportStatus.Scheduled => "ACTION_SCHEDULED",
        ReportStatus.Fixed => "FIXED",
        ReportStatus.Unable => "NO_FURTHER_ACTION",
        ReportStatus.Duplicate => "DUPLICATE",
        ReportStatus.NotResponsible => "NOT_COUNCILS_RESPONSIBILITY",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static ReportStatus? FromDetailed(string? value) =>
        All.Cast<ReportStatus?>().FirstOrDefault(s => string.Equals(s!.Value.Detailed(), value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
