namespace InfraLedger.Web.Pages.Register;

/// <summary>異動日 and 事由 of a change, shown under both register forms.</summary>
public sealed record ChangeFields(string? ValidFrom, string? Reason);
