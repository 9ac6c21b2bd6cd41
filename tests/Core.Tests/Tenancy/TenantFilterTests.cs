using InfraLedger.Core.Tenancy;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Tenancy;

public sealed class TenantFilterTests : IAsyncLifetime
{
    private const string Yaizu = "222127";
    private const string Fujieda = "222143";
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        foreach (var tenant in new[] { Yaizu, Fujieda })
        {
            await using var db = database.Context(tenant);
            (await TenantSettings.SetAsync(db, "plan.name", $"{tenant}の計画", CancellationToken.None)).IsSuccess.ShouldBeTrue();
        }
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task no_tenant_means_no_rows()
    {
        await using var db = database.Context(tenant: null);

        (await db.TenantSettings.CountAsync()).ShouldBe(0);
        (await db.AuditEvents.CountAsync()).ShouldBe(0);
        (await db.TenantSettings.Where(s => s.TenantId == Yaizu).CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_tenant_sees_only_its_own_rows()
    {
        await using var db = database.Context(Yaizu);

        var settings = await db.TenantSettings.ToListAsync();
        settings.Count.ShouldBe(1);
        settings[0].TenantId.ShouldBe(Yaizu);
        (await db.TenantSettings.Where(s => s.TenantId == Fujieda).CountAsync()).ShouldBe(0);
        (await db.AuditEvents.Select(e => e.TenantId).Distinct().ToListAsync()).ShouldBe([Yaizu]);
    }

    [Fact]
    public async Task writing_another_tenants_row_is_refused_and_nothing_is_written()
    {
        await using (var db = database.Context(Yaizu))
        {
            db.TenantSettings.Add(new TenantSetting { TenantId = Fujieda, Key = "intrusion", Value = "x" });
            await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var fujieda = database.Context(Fujieda);
        (await fujieda.TenantSettings.AnyAsync(s => s.Key == "intrusion")).ShouldBeFalse();
    }

    [Fact]
    public async Task writing_without_a_tenant_is_refused()
    {
        await using var db = database.Context(tenant: null);
        db.TenantSettings.Add(new TenantSetting { TenantId = Yaizu, Key = "orphan", Value = "x" });

        var error = await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        error.Message.ShouldContain("テナントが設定されていない");
    }

    [Fact]
    public void a_unit_of_work_cannot_switch_tenants()
    {
        var scope = new TenantScope();
        scope.Enter(LocalGovernmentCode.Parse(Yaizu).Value);

        Should.Throw<InvalidOperationException>(() => scope.Enter(LocalGovernmentCode.Parse(Fujieda).Value));
    }

    [Theory]
    [InlineData("Plan.Name")]
    [InlineData("計画")]
    [InlineData("")]
    public async Task setting_keys_are_checked_with_a_japanese_message(string key)
    {
        await using var db = database.Context(Yaizu);

        var result = await TenantSettings.SetAsync(db, key, "v", CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Field.ShouldBe("key");
        result.Error.Message.ShouldContain("設定キー");
    }
}
