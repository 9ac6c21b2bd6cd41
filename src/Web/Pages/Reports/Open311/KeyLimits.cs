using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using InfraLedger.Core.Identity;

namespace InfraLedger.Web.Pages.Reports.Open311;

/// <summary>
/// Rate limits keyed on verified identity (issue 17 F3): a key's own allowance is counted only once its secret has been
/// checked, so that knowing a key's public id (<c>il_{団体コード}_{id}_…</c>) no longer lets anyone use up its allowance;
/// attempts with a wrong, revoked or malformed key are counted per client address, and an address that has used up its
/// failures is refused before any key is looked at. Both counts are fixed windows of <c>Reports:RateLimit:WindowSeconds</c>.
/// </summary>
public sealed class KeyLimits(int postsPerKey, int failuresPerAddress, TimeSpan window) : IDisposable
{
    public const string TooManyFailures = "API キーの認証に続けて失敗したため、しばらく受け付けません。正しい api_key を確かめて、時間をおいてから送ってください。";

    public const string TooManyPosts = "短い時間に多くの送信がありました。しばらく待ってから送ってください。";

    private readonly PartitionedRateLimiter<string> posts = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(postsPerKey, window)));

    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => Window(failuresPerAddress, window)));

    /// <summary>False when the client's address has used up its failed attempts (checked before the key is).</summary>
    public bool MayTry(HttpContext http)
    {
        using var lease = failures.AttemptAcquire(Address(http), 0);
        return lease.IsAcquired;
    }

    /// <summary>Counts a refused key (wrong secret, unknown, revoked, malformed, or of another tenant) against the address.</summary>
    public void Failed(HttpContext http) => failures.AttemptAcquire(Address(http)).Dispose();

    /// <summary>Takes one POST of the verified token's allowance; false when it is used up.</summary>
    public bool MayPost(ApiToken token)
    {
        using var lease = posts.AttemptAcquire($"{token.TenantId}_{token.Id}");
        return lease.IsAcquired;
    }

    /// <summary>
    /// The client's address as limits count it: IPv4 as is, IPv6 by its /64 network (one subscriber usually holds a whole
    /// /64, so counting single IPv6 addresses would let one client rotate through billions). Behind a reverse proxy this
    /// is the forwarded address when forwarded headers are enabled (docs/operations.md).
    /// </summary>
    public static string Address(HttpContext http)
    {
        var ip = http.Connection.RemoteIpAddress;
        if (ip is null)
        {
            return "unknown";
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return ip.ToString();
        }

        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0 };

    public void Dispose()
    {
        posts.Dispose();
        failures.Dispose();
    }
}
