using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace InfraLedger.Core.Identity;

/// <summary>
/// Slows down password guessing before the account lockout can (issue 17, F6; docs/decisions/0017). Failed sign-ins
/// are counted per client address (password spraying over many accounts) and per client address and account
/// (guessing one account); once either count reaches its limit, that client's attempts are refused (429) until the
/// window that began with its first failure ends. The per-account limit is below <see cref="IdentityPolicy.MaxFailedAttempts"/>,
/// so one client alone cannot lock anybody out. Counters live in this process (docs/operations.md: several instances).
/// </summary>
public sealed class SignInThrottle(SignInThrottle.Limits limits, TimeProvider clock)
{
    /// <param name="PerAddress">Failed sign-ins from one client address, whatever the account.</param>
    /// <param name="PerAccount">Failed sign-ins to one account from one client address.</param>
    /// <param name="Window">How long a count lasts from its first failure.</param>
    /// <param name="MaxEntries">Counters kept at most; the oldest half is dropped beyond it (memory stays bounded).</param>
    public sealed record Limits(int PerAddress = 30, int PerAccount = 5, TimeSpan? Window = null, int MaxEntries = 100_000)
    {
        public TimeSpan WindowOrDefault => Window ?? TimeSpan.FromMinutes(15);
    }

    private sealed class Counter(DateTimeOffset until)
    {
        public int Count;

        public DateTimeOffset Until { get; } = until;
    }

    private readonly ConcurrentDictionary<string, Counter> counters = new(StringComparer.Ordinal);

    public Limits Settings => limits;

    internal int Count => counters.Count;

    /// <summary>How long the client must wait before its next attempt, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(IPAddress? address, string email)
    {
        var now = clock.GetUtcNow();
        var waits = new[] { Wait(AddressKey(address), limits.PerAddress, now), Wait(PairKey(address, email), limits.PerAccount, now) };
        return waits.Max();
    }

    /// <summary>Counts a failed attempt (a wrong password, an unknown address, a locked account).</summary>
    public void Failed(IPAddress? address, string email)
    {
        var now = clock.GetUtcNow();
        if (counters.Count >= limits.MaxEntries)
        {
            Prune(now);
        }

        foreach (var key in new[] { AddressKey(address), PairKey(address, email) })
        {
            var counter = counters.AddOrUpdate(key, _ => new Counter(now + limits.WindowOrDefault), (_, c) => c.Until > now ? c : new Counter(now + limits.WindowOrDefault));
            Interlocked.Increment(ref counter.Count);
        }
    }

    /// <summary>A correct password clears the count of this account from this address (not the address's own count).</summary>
    public void Succeeded(IPAddress? address, string email) => counters.TryRemove(PairKey(address, email), out _);

    /// <summary>The unit a client is counted by: its IPv4 address, or the /64 network of an IPv6 address (one subscriber's prefix).</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now) =>
        counters.TryGetValue(key, out var c) && c.Until > now && Volatile.Read(ref c.Count) >= limit ? c.Until - now : null;

    private static string AddressKey(IPAddress? address) => "a|" + ClientKey(address);

    private static string PairKey(IPAddress? address, string email)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return "p|" + ClientKey(address) + "|" + (normalized.Length > 256 ? normalized[..256] : normalized);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, counter) in counters)
        {
            if (counter.Until <= now)
            {
                counters.TryRemove(key, out _);
            }
        }

        // Still full of live counters (a flood of addresses): drop those that end soonest, keeping the map bounded.
        if (counters.Count >= limits.MaxEntries)
        {
            foreach (var (key, _) in counters.OrderBy(c => c.Value.Until).Take(counters.Count / 2).ToList())
            {
                counters.TryRemove(key, out _);
            }
        }
    }
}
