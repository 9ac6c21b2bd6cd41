using InfraLedger.Core.Tenancy;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Tenancy;

public sealed class TenantsTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("222127", null, "焼津市")]
    [InlineData("222128", "tenancy.check_digit", null)]
    [InlineData("011011", "tenancy.not_a_tenant", null)]  // 札幌市中央区: a ward
    [InlineData("016951", "tenancy.unknown_body", null)]  // 色丹村: 北方領土, no operating government
    [InlineData("２２２１２７", "tenancy.code_full_width", null)]
    public async Task finds_a_tenant_or_says_what_is_wrong(string code, string? error, string? name)
    {
        await using var db = database.Context();

        var result = await Tenants.FindAsync(db, code, CancellationToken.None);

        result.Error?.Code.ShouldBe(error);
        if (name is not null)
        {
            result.Value.Name.ShouldBe(name);
        }
    }

    [Fact]
    public async Task lists_the_municipalities_of_a_prefecture_without_wards()
    {
        await using var db = database.Context();

        var shizuoka = await Tenants.MunicipalitiesOfAsync(db, "220001", CancellationToken.None);

        shizuoka.Count.ShouldBe(35); // 静岡県: 23 市 + 12 町 (no 村)
        shizuoka.ShouldContain(b => b.Code == "222127");
        shizuoka.ShouldNotContain(b => b.Kind == LocalGovernmentKind.Ward);
    }

    [Theory]
    [InlineData("焼津", 1)]
    [InlineData("やいづ", 1)]
    [InlineData("2221", 2)] // 222127 焼津市, 222143 藤枝市 …: codes starting 2221
    public async Task searches_by_name_reading_or_code(string query, int atLeast)
    {
        await using var db = database.Context();

        (await Tenants.Search(db, query).CountAsync()).ShouldBeGreaterThanOrEqualTo(atLeast);
    }

    [Fact]
    public async Task loading_the_master_again_changes_nothing()
    {
        await using var db = database.Context();

        var again = await MasterLoader.LoadAsync(db, DateTime.UtcNow, CancellationToken.None);

        again.AlreadyCurrent.ShouldBeTrue();
        (await db.LocalGovernments.CountAsync()).ShouldBe(1963);
        (await db.ReferenceDataLoads.CountAsync()).ShouldBe(1);
    }
}
