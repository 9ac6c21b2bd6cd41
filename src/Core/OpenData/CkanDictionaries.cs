using System.Text.Json.Serialization;

namespace InfraLedger.Core.OpenData;

// The CKAN default-schema dictionaries (open-data.md §4.3), field names as CKAN spells them once serialised in
// snake_case. Keys CKAN always sends are always present, with null where the catalogue has no value.

/// <summary>A published tenant as a CKAN organization: <c>name</c> is the 団体コード, <c>title</c> the body's name.</summary>
public sealed record CkanOrganization(
    string Id, string Name, string Title, string DisplayName, string Description, string ImageUrl, string Created,
    bool IsOrganization, string ApprovalStatus, string State, string Type, int PackageCount, IReadOnlyList<CkanExtra> Extras);

public sealed record CkanTag(string Id, string Name, string DisplayName, string State, string? VocabularyId);

public sealed record CkanExtra(string Key, string Value);

/// <summary>A CKAN package (dataset) dictionary in <c>package_show</c> form.</summary>
public sealed record CkanPackage(
    string Id, string Name, string Title, string? Author, string? AuthorEmail, string? Maintainer, string? MaintainerEmail,
    string LicenseId, string LicenseTitle, string? LicenseUrl, string Notes, string Url, string? Version, string State, string Type,
    string OwnerOrg, CkanOrganization Organization, bool Private, bool Isopen, IReadOnlyList<CkanTag> Tags, IReadOnlyList<object> Groups,
    IReadOnlyList<CkanExtra> Extras, IReadOnlyList<CkanResource> Resources, int NumResources, int NumTags,
    string MetadataCreated, string MetadataModified)
{
    /// <summary>The same instant as <see cref="MetadataModified"/>, for sorting and filtering.</summary>
    [JsonIgnore]
    public DateTime ModifiedUtc { get; init; }

    [JsonIgnore]
    public DateTime CreatedUtc { get; init; }
}

/// <summary>
/// A CKAN resource: one table of a dataset in one format, at a stable download URL. <see cref="License"/> is set only
/// where the resource is under another licence than its dataset (the 総務省 figures).
/// </summary>
public sealed record CkanResource(
    string Id, string PackageId, string Url, string Name, string Description, string Format, string Mimetype, long? Size, string? Hash,
    string Created, string LastModified, string? ResourceType, string UrlType, int Position, string State, bool DatastoreActive,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? License);
