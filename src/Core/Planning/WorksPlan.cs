namespace InfraLedger.Core.Planning;

/// <summary>Where a works plan stands: a draft (案) until decided (決定); a decided plan replaced by a later decision is superseded.</summary>
public enum WorksPlanStatus
{
    /// <summary>案: run, not decided.</summary>
    Draft = 0,

    /// <summary>決定: the tenant's plan in force (at most one at a time).</summary>
    Decided = 1,

    /// <summary>旧決定: was decided, replaced by a later decision.</summary>
    Superseded = 2,
}

/// <summary>
/// A run of the works programme (個別施設計画), kept: its inputs and its result as JSON documents (UTF-8 bytes, so the
/// audit trail records their digests, not their text), the plan it re-runs (<see cref="BasedOn"/>) and its status.
/// Numbered per tenant from 1. Every change (run, decision) is an audit event (ADR 0026).
/// </summary>
public sealed class WorksPlan : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    public int Id { get; init; }

    public required string Title { get; set; }

    public WorksPlanStatus Status { get; set; }

    /// <summary>The plan this one re-runs on newer data (a decided plan, usually), or null.</summary>
    public int? BasedOn { get; init; }

    /// <summary><see cref="PlanInputs"/> as UTF-8 JSON.</summary>
    public required byte[] Inputs { get; init; }

    /// <summary><see cref="PlanResult"/> as UTF-8 JSON.</summary>
    public required byte[] Result { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? DecidedAtUtc { get; set; }
}
