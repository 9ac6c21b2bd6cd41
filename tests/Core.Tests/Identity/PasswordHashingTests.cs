using System.Buffers.Binary;
using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Core.Tests.Identity;

/// <summary>The web tests hash passwords at a low work factor to save time; the application itself may not.</summary>
public sealed class PasswordHashingTests
{
    [Fact]
    public void the_application_hashes_passwords_with_pbkdf2_sha512_and_at_least_100_000_iterations()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInfraLedgerCore(new DatabaseSettings(DatabaseProvider.Sqlite, DatabaseSettings.DefaultSqlite));
        using var provider = services.BuildServiceProvider();
        var hasher = provider.GetRequiredService<IPasswordHasher<AppUser>>();
        var user = new AppUser();

        var hash = Convert.FromBase64String(hasher.HashPassword(user, "correct horse battery"));

        // ASP.NET Core Identity's version 3 format: 0x01, PRF (2 = HMAC-SHA512), iteration count, salt length, salt, subkey.
        hash[0].ShouldBe((byte)0x01);
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)).ShouldBe((uint)KeyDerivationPrf.HMACSHA512);
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)).ShouldBeGreaterThanOrEqualTo(100_000u);
        hasher.VerifyHashedPassword(user, Convert.ToBase64String(hash), "correct horse battery").ShouldBe(PasswordVerificationResult.Success);
    }
}
