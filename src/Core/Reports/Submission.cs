namespace InfraLedger.Core.Reports;

/// <summary>
/// A report as a resident's form or an Open311 client sends it, as text; <see cref="ResidentReports.SubmitAsync"/> checks it
/// all before anything is written. <c>Language</c> is that of the form the resident used (<c>ja</c>, <c>en</c>): the
/// reporter's mails are written in it.
/// </summary>
public sealed record Submission(
    string? ServiceCode,
    string? Latitude,
    string? Longitude,
    string? Address,
    string? AddressId,
    string? Zipcode,
    string? Description,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes,
    IReadOnlyList<string> MediaUrls,
    Submission.Reporter Contact,
    string Channel,
    IReadOnlyList<Submission.PhotoFile> Photos,
    string? Language = null)
{
    /// <summary>Who sent it: kept for the staff only, never published.</summary>
    public sealed record Reporter(string? Email, string? Phone, string? FirstName, string? LastName, string? DeviceId, string? AccountId)
    {
        public static readonly Reporter None = new(null, null, null, null, null, null);
    }

    /// <summary>An uploaded file as received; it is sanitised before it is stored.</summary>
    public sealed record PhotoFile(string FileName, byte[] Data);
}
