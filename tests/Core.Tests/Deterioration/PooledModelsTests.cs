using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Tests;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tests.Deterioration;

/// <summary>ADR 0015: members read the pooled model where its fitter stored it and adopt it into their own data; outsiders see nothing.</summary>
public sealed class PooledModelsTests : IAsyncLifetime
{
    private const string Yaizu = "222127", Fujieda = "222143", Outsider = "131016";
    private static readonly double Z = 1826 / 365.25;
    private TestDatabase database = null!;
    private long groupId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using (var platform = database.Context())
        {
            var group = new WideAreaGroup { Name = "志太榛原インフラ群", Kind = WideAreaGroupKind.InfrastructureGroup, Members = [new() { MemberCode = Yaizu }, new() { MemberCode = Fujieda }] };
            platform.WideAreaGroups.Add(group);
            await platform.SaveChangesAsync();
            groupId = group.Id;
        }

        await using (var a = database.Context(Yaizu))
        {
            await DeteriorationModelsTests.SeedAsync(a);
        }

        await using var b = database.Context(Fujieda);
        await DeteriorationModelsTests.SeedAsync(b);
        (await DeteriorationModels.FitAsync(b, AssetKind.Bridge, [], groupId, new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc), default)).IsSuccess.ShouldBeTrue();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task a_member_reads_the_pooled_model_another_member_fitted_adopts_it_and_forecasts_its_own_stock_with_it()
    {
        await using var db = database.Context(Yaizu);
        (await DeteriorationModels.FindAsync(db, AssetKind.Bridge, default)).ShouldBeNull();

        var pooled = (await DeteriorationModels.PooledModelsAsync(db, default)).ShouldHaveSingleItem();
        (pooled.GroupName, pooled.Model.TenantId, pooled.FittedByName, pooled.Model.Kind, pooled.States).ShouldBe(("志太榛原インフラ群", Fujieda, "藤枝市", AssetKind.Bridge, 4));

        var adopted = await DeteriorationModels.AdoptAsync(db, groupId, Fujieda, AssetKind.Bridge, DateTime.UtcNow, default);

        adopted.IsSuccess.ShouldBeTrue(adopted.Error?.Message);
        await using var read = database.Context(Yaizu);
        var own = (await DeteriorationModels.FindAsync(read, AssetKind.Bridge, default))!;
        (own.TenantId, own.GroupId, own.Scheme).ShouldBe((Yaizu, (long?)null, GradeScheme.RoadStructure.Code));
        own.Source.ShouldBe("広域グループ「志太榛原インフラ群」の共同推定を採用（藤枝市が2025-04-01に推定）");
        own.Fit().Pairs.ShouldBe(20);
        own.Fit().Hazards()[0].ShouldBe(-Math.Log(0.6) / Z, 1e-7);
        var forecast = await DeteriorationModels.ForecastAsync(read, own, 10, default);
        forecast[0].Facilities.ShouldBe([6, 2, 1, 1]);
        forecast[5].Facilities[0].ShouldBe(6 * 0.6, 1e-3);
        // Written by the adopting member in its own scope, and audited there.
        (await read.AuditEvents.CountAsync(e => e.EntityType == nameof(DeteriorationModel) && e.Action == "Added")).ShouldBe(1);
        // The copy has no group: the fitter does not see it offered back as someone else's pooled model.
        await using var fitter = database.Context(Fujieda);
        (await DeteriorationModels.PooledModelsAsync(fitter, default)).ShouldBeEmpty();
        (await DeteriorationModels.FindAsync(fitter, AssetKind.Bridge, default))!.GroupId.ShouldBe(groupId);
    }

    [Fact]
    public async Task a_tenant_outside_the_group_sees_no_pooled_model_and_cannot_adopt_one()
    {
        await using var outsider = database.Context(Outsider);

        (await DeteriorationModels.PooledModelsAsync(outsider, default)).ShouldBeEmpty();
        (await CrossTenant.PooledModelsOfGroupsOfAsync(outsider, default)).ShouldBeEmpty();
        (await DeteriorationModels.AdoptAsync(outsider, groupId, Fujieda, AssetKind.Bridge, DateTime.UtcNow, default)).Error!.Code.ShouldBe("deterioration.pooled_not_found");
        (await DeteriorationModels.ListAsync(outsider, default)).ShouldBeEmpty();
        await using var platform = database.Context();
        (await CrossTenant.PooledModelsOfGroupsOfAsync(platform, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_model_fitted_by_a_member_that_left_the_group_is_no_longer_offered()
    {
        await using (var platform = database.Context())
        {
            platform.WideAreaGroupMembers.Remove(await platform.WideAreaGroupMembers.SingleAsync(m => m.GroupId == groupId && m.MemberCode == Fujieda));
            await platform.SaveChangesAsync();
        }

        await using var db = database.Context(Yaizu);
        (await DeteriorationModels.PooledModelsAsync(db, default)).ShouldBeEmpty();
        (await DeteriorationModels.AdoptAsync(db, groupId, Fujieda, AssetKind.Bridge, DateTime.UtcNow, default)).Error!.Code.ShouldBe("deterioration.pooled_not_found");
    }

    [Fact]
    public async Task adoption_is_refused_when_the_members_scale_for_the_kind_has_another_number_of_levels()
    {
        await using var db = database.Context(Yaizu);
        (await GradeScales.DefineAsync(db, "three", "三段階", "良\n注意\n不良", default)).IsSuccess.ShouldBeTrue();
        (await GradeScales.AssignAsync(db, AssetKind.Bridge, "three", default)).IsSuccess.ShouldBeTrue();

        var refused = await DeteriorationModels.AdoptAsync(db, groupId, Fujieda, AssetKind.Bridge, DateTime.UtcNow, default);

        refused.Error!.ShouldBe(new Common.Error("deterioration.pooled_levels",
            "広域グループ「志太榛原インフラ群」の共同推定モデルは4区分ですが、この団体はこの資産種別を「三段階」（3区分）で記録しているため採用できません。", "group"));
        (await DeteriorationModels.FindAsync(db, AssetKind.Bridge, default)).ShouldBeNull();
        (await DeteriorationModels.AdoptAsync(db, groupId, Fujieda, AssetKind.Road, DateTime.UtcNow, default)).Error!.Code.ShouldBe("deterioration.pooled_not_found");
    }
}
