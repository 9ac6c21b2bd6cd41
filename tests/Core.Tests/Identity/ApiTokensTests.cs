using InfraLedger.Core.Identity;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Identity;

public sealed class ApiTokensTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task a_token_authenticates_as_its_tenant_and_role_and_only_its_hash_is_stored()
    {
        string plain;
        await using (var db = database.Context(Yaizu, "user:admin"))
        {
            var issued = await ApiTokens.CreateAsync(db, "台帳連携", TenantRole.Editor, DateTime.UtcNow, CancellationToken.None);
            plain = issued.Value.PlainText;
        }

        plain.ShouldStartWith("il_222127_");
        await using var anyone = database.Context();
        var token = await ApiTokens.AuthenticateAsync(anyone, plain, CancellationToken.None);
        token.ShouldNotBeNull();
        token.TenantId.ShouldBe(Yaizu);
        token.Role.ShouldBe(TenantRole.Editor);
        token.CreatedBy.ShouldBe("user:admin");
        token.SecretHash.ShouldNotBe(plain.Split('_')[3]);
        plain.ShouldNotContain(token.SecretHash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("il_222127_0000000000000000_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("il_222128_0000000000000000_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("Bearer nonsense")]
    public async Task malformed_or_unknown_tokens_do_not_authenticate(string plain)
    {
        await using var db = database.Context();

        (await ApiTokens.AuthenticateAsync(db, plain, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task a_wrong_secret_or_a_revoked_token_does_not_authenticate()
    {
        await using var db = database.Context(Yaizu);
        var issued = (await ApiTokens.CreateAsync(db, "連携", TenantRole.Viewer, DateTime.UtcNow, CancellationToken.None)).Value;
        var wrongSecret = issued.PlainText[..^4] + "0000";

        (await ApiTokens.AuthenticateAsync(db, wrongSecret, CancellationToken.None)).ShouldBeNull();
        (await ApiTokens.RevokeAsync(db, issued.Token.Id, DateTime.UtcNow, CancellationToken.None)).IsSuccess.ShouldBeTrue();
        (await ApiTokens.AuthenticateAsync(db, issued.PlainText, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task issuing_and_revoking_are_audited()
    {
        await using var db = database.Context(Yaizu, "user:admin");
        var issued = (await ApiTokens.CreateAsync(db, "連携", TenantRole.Viewer, DateTime.UtcNow, CancellationToken.None)).Value;
        await ApiTokens.RevokeAsync(db, issued.Token.Id, DateTime.UtcNow, CancellationToken.None);

        (await db.AuditEvents.Where(e => e.EntityType == "ApiToken").Select(e => e.Action).ToListAsync()).ShouldBe(["Added", "Modified"]);
    }

    [Fact]
    public async Task a_token_name_is_required()
    {
        await using var db = database.Context(Yaizu);

        var result = await ApiTokens.CreateAsync(db, "  ", TenantRole.Viewer, DateTime.UtcNow, CancellationToken.None);

        result.Error!.Field.ShouldBe("name");
        (await db.ApiTokens.CountAsync()).ShouldBe(0);
    }
}
