using System.Net;
using InfraLedger.Core.Identity;

namespace InfraLedger.Core.Tests.Identity;

/// <summary>Issue 17, F6: the per-address throttle in front of the account lockout (ADR 0017).</summary>
public sealed class SignInThrottleTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2025, 4, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly IPAddress Office = IPAddress.Parse("203.0.113.7");

    [Fact]
    public void F6_one_address_is_refused_after_five_failures_on_one_account_which_is_below_the_lockout()
    {
        var clock = new Clock();
        var throttle = new SignInThrottle(new SignInThrottle.Limits(), clock);
        for (var i = 0; i < 5; i++)
        {
            throttle.RetryAfter(Office, "staff@yaizu.example.jp").ShouldBeNull();
            throttle.Failed(Office, "staff@yaizu.example.jp");
        }

        throttle.RetryAfter(Office, "staff@yaizu.example.jp").ShouldBe(TimeSpan.FromMinutes(15));
        throttle.RetryAfter(Office, "other@yaizu.example.jp").ShouldBeNull();
        throttle.RetryAfter(IPAddress.Parse("198.51.100.1"), "staff@yaizu.example.jp").ShouldBeNull();
        throttle.Settings.PerAccount.ShouldBeLessThan(IdentityPolicy.MaxFailedAttempts);

        clock.Now += TimeSpan.FromMinutes(15);
        throttle.RetryAfter(Office, "staff@yaizu.example.jp").ShouldBeNull();
    }

    [Fact]
    public void F6_password_spraying_from_one_address_is_refused_after_thirty_failures_whatever_the_accounts()
    {
        var throttle = new SignInThrottle(new SignInThrottle.Limits(), new Clock());
        for (var i = 0; i < 30; i++)
        {
            throttle.RetryAfter(Office, $"user{i}@example.jp").ShouldBeNull();
            throttle.Failed(Office, $"user{i}@example.jp");
        }

        throttle.RetryAfter(Office, "user99@example.jp").ShouldNotBeNull();
    }

    [Fact]
    public void F6_a_success_clears_the_count_of_that_account_but_not_the_addresses_count()
    {
        var throttle = new SignInThrottle(new SignInThrottle.Limits(PerAddress: 6, PerAccount: 3), new Clock());
        for (var i = 0; i < 3; i++)
        {
            throttle.Failed(Office, "staff@yaizu.example.jp");
        }

        throttle.Succeeded(Office, "STAFF@yaizu.example.jp ");
        throttle.RetryAfter(Office, "staff@yaizu.example.jp").ShouldBeNull();
        for (var i = 0; i < 3; i++)
        {
            throttle.Failed(Office, "staff@yaizu.example.jp");
        }

        throttle.RetryAfter(Office, "anyone@example.jp").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("203.0.113.7", "203.0.113.7")]
    public void F6_ipv6_clients_are_counted_by_their_64_bit_prefix(string address, string key) =>
        SignInThrottle.ClientKey(IPAddress.Parse(address)).ShouldBe(key);

    [Fact]
    public void F6_a_flood_of_addresses_keeps_the_counters_bounded()
    {
        var throttle = new SignInThrottle(new SignInThrottle.Limits(MaxEntries: 1000), new Clock());
        for (var i = 0; i < 5000; i++)
        {
            throttle.Failed(new IPAddress(BitConverter.GetBytes(i + 1)), "x@example.jp");
        }

        throttle.Count.ShouldBeLessThanOrEqualTo(1000 + 2);
    }
}
