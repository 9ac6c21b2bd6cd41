namespace InfraLedger.Core.Identity;

/// <summary>
/// One key of ASP.NET Core data protection's key ring (the XML element as the key manager wrote it), kept in the database
/// so that every web instance protects and reads cookies and antiforgery tokens with the same keys (ADR 0033). Platform
/// data, not tenant-owned.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; init; }

    /// <summary>The key manager's name for the element (<c>key-{guid}</c>).</summary>
    public string? FriendlyName { get; init; }

    public required string Xml { get; init; }
}
