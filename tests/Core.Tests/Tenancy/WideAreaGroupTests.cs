using InfraLedger.Core.Tenancy;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Tenancy;

public sealed class WideAreaGroupTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task a_group_is_a_named_set_of_tenants()
    {
        await using (var db = database.Context())
        {
            db.WideAreaGroups.Add(new WideAreaGroup
            {
                Name = "しずおか中部連携中枢都市圏",
                Kind = WideAreaGroupKind.MetropolitanArea,
                Members = [new() { MemberCode = "221007" }, new() { MemberCode = "222127" }, new() { MemberCode = "222143" }],
            });
            await db.SaveChangesAsync();
        }

        await using var read = database.Context();
        var group = await read.WideAreaGroups.Include(g => g.Members).SingleAsync();
        group.Members.Select(m => m.MemberCode).Order().ShouldBe(["221007", "222127", "222143"]);
        var names = await read.WideAreaGroupMembers.Join(read.LocalGovernments, m => m.MemberCode, b => b.Code, (m, b) => b.Name).OrderBy(n => n).ToListAsync();
        names.ShouldBe(["焼津市", "藤枝市", "静岡市"], ignoreOrder: true);
    }

    [Fact]
    public async Task a_member_must_be_a_known_body()
    {
        await using var db = database.Context();
        db.WideAreaGroups.Add(new WideAreaGroup { Name = "架空", Kind = WideAreaGroupKind.Other, Members = [new() { MemberCode = "999999" }] });

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
