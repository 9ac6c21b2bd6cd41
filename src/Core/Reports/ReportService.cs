namespace InfraLedger.Core.Reports;

/// <summary>
/// A kind of report residents can send (Open311 "service"): 道路の穴・陥没, 街路灯… Each is routed to the section
/// responsible for it. Services are never deleted, only made inactive, so old reports keep their name.
/// </summary>
public sealed class ReportService : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    /// <summary>Open311 <c>service_code</c>: a string, unique in the tenant (leading zeros are kept).</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>Open311 <c>group</c>: 道路, 橋梁, 公園, 河川, その他.</summary>
    public string? Group { get; set; }

    /// <summary>Comma-separated synonyms (Open311 <c>keywords</c>).</summary>
    public string? Keywords { get; set; }

    /// <summary>担当課・所管事務所 the reports go to (Open311 <c>agency_responsible</c>).</summary>
    public required string Section { get; set; }

    /// <summary>Shown when the service is chosen, e.g. to send emergencies to the phone.</summary>
    public string? Notice { get; set; }

    /// <summary>Target days to respond (sets <c>expected_datetime</c>); null for no target.</summary>
    public int? ExpectedDays { get; set; }

    /// <summary>Radius in metres within which open reports of this service are suggested as duplicates.</summary>
    public int DuplicateRadiusMetres { get; set; } = 50;

    /// <summary><c>batch</c> services answer a POST with a token instead of an id (Open311 §POST).</summary>
    public bool Batch { get; set; }

    public bool IsActive { get; set; } = true;

    public int Order { get; set; }

    /// <summary>The service definition's attributes as JSON (<see cref="ServiceQuestion"/> list).</summary>
    public string AttributesJson { get; set; } = "[]";

    /// <summary>When the service or its attributes last changed: the Open311 discovery <c>changeset</c>.</summary>
    public DateTime ChangedAtUtc { get; set; }

    public IReadOnlyList<ServiceQuestion> Attributes => ServiceQuestion.Parse(AttributesJson);

    /// <summary>No service (none or an unknown one was chosen): the rest of a submission is still checked against it, so every mistake shows at once.</summary>
    internal static ReportService None { get; } = new() { TenantId = "", Code = "", Name = "", Section = "" };
}
