namespace InfraLedger.Core.Reports;

/// <summary>
/// A resident's report of damage (Open311 "service request"). The reporter's contact details are kept for the
/// staff only and never leave through a public page, the Open311 API or an export.
/// </summary>
public sealed class ResidentReport : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    /// <summary>The reference number (受付番号), Open311 <c>service_request_id</c>; given when the report is written.</summary>
    public long Id { get; set; }

    /// <summary>Open311 token of a batch service, exchanged for <see cref="Id"/> at <c>/tokens/{token}</c>.</summary>
    public required string Token { get; init; }

    public required string ServiceCode { get; set; }

    public ReportStatus Status { get; set; }

    /// <summary>Public note on the latest status change (Open311 <c>status_notes</c>).</summary>
    public string? StatusNotes { get; set; }

    /// <summary>The text residents see; staff can redact it (the original is kept in the audit trail).</summary>
    public string? Description { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? Address { get; set; }

    public string? AddressId { get; set; }

    public string? Zipcode { get; set; }

    /// <summary>Answers to the service's attributes as JSON: code → list of values.</summary>
    public string AttributesJson { get; set; } = "{}";

    /// <summary>Media URLs sent by an Open311 client, one a line (photos sent to us are in <see cref="ReportPhoto"/>).</summary>
    public string? MediaUrls { get; set; }

    /// <summary>The reporter's e-mail, to hear of status changes (issue 22 item 4): staff only, never on a public page, export or API.</summary>
    public string? Email { get; set; }

    /// <summary>
    /// The secret of the reporter's link (<c>?key=</c> on the status page and in the mails): only its holder answers
    /// 「直りましたか？」. Never shown elsewhere; null for reports sent before migration 0021.
    /// </summary>
    public string? ReporterKey { get; set; }

    /// <summary>The language of the form the reporter used (<c>ja</c>, <c>en</c>; null = ja): their mails are written in it.</summary>
    public string? Language { get; set; }

    public string? Phone { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? DeviceId { get; set; }

    public string? AccountId { get; set; }

    /// <summary>web, open311, phone, staff.</summary>
    public required string Channel { get; init; }

    /// <summary>担当課 at the time of the report (re-routing changes it).</summary>
    public required string Section { get; set; }

    public DateTime RequestedAtUtc { get; init; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? ExpectedAtUtc { get; set; }

    /// <summary>First time staff acted (status change or public note): the response-time figures start here.</summary>
    public DateTime? RespondedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>The report this one duplicates (status <see cref="ReportStatus.Duplicate"/>).</summary>
    public long? DuplicateOfId { get; set; }

    /// <summary>施設コード of the register facility the report is about.</summary>
    public string? FacilityCode { get; set; }

    /// <summary>非公開: moderated away from public pages and the public API (still in the queue).</summary>
    public bool IsHidden { get; set; }

    public bool IsSample { get; init; }

    /// <summary>
    /// When staff published it (公開): a new report reaches public pages and the public Open311 list only from then on, as
    /// the form tells residents (ADR 0014). Null: not yet checked by staff.
    /// </summary>
    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>The body this report was forwarded to as 管轄外 (ADR 0028), and the reference number it has there.</summary>
    public string? ForwardedToTenantId { get; set; }

    public long? ForwardedToReportId { get; set; }

    /// <summary>The body that forwarded this report here, and its reference number there.</summary>
    public string? ForwardedFromTenantId { get; set; }

    public long? ForwardedFromReportId { get; set; }

    /// <summary>Public (on public pages and the public API): published by staff and not hidden since.</summary>
    public bool IsPublic => PublishedAtUtc is not null && !IsHidden;

    /// <summary>
    /// Derived, for the staff search (<see cref="Search.SearchText"/>): the reference number, the report's text and place;
    /// never the reporter's name or contact details.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? SearchText
    {
        get => Search.SearchText.Of(Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ServiceCode, Description, Address, StatusNotes, FacilityCode, Section);
        private set => _ = value;
    }
}

/// <summary>A line of a report's history: a status change, a public reply or an internal note.</summary>
public sealed class ReportNote : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    public long ReportId { get; init; }

    public int Number { get; init; }

    public DateTime AtUtc { get; init; }

    /// <summary>submitted, status, note, internal, duplicate, facility, hidden, shown, redacted.</summary>
    public required string Type { get; init; }

    /// <summary>The status after this line.</summary>
    public ReportStatus Status { get; init; }

    public string? Text { get; init; }

    public bool IsPublic { get; init; }

    public required string Author { get; init; }
}

/// <summary>A photo sent with a report, stored without its EXIF location and camera data.</summary>
public sealed class ReportPhoto : Tenancy.ITenantOwned
{
    public required string TenantId { get; init; }

    public long ReportId { get; init; }

    /// <summary>1–3, as sent.</summary>
    public int Number { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Content { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    /// <summary>Withdrawn from public view by staff (e.g. a face or a licence plate).</summary>
    public bool IsHidden { get; set; }
}
