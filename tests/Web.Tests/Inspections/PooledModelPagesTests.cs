using System.Net;
using InfraLedger.Core.Deterioration;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Register;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Inspections;

/// <summary>ADR 0015 on the deterioration page: members see the group's pooled model and adopt it; viewers cannot; outsiders never see it.</summary>
public sealed partial class InspectionPagesTests
{
    /// <summary>焼津 and 藤枝 in one group; 藤枝 fits the pooled bridge model (from 焼津's ten pairs, its own record has no pair).</summary>
    private async Task<long> PooledByFujiedaAsync()
    {
        await using var platform = app.Database.Context();
        var group = new WideAreaGroup { Name = "志太榛原インフラ群", Kind = WideAreaGroupKind.InfrastructureGroup, Members = [new() { MemberCode = Yaizu }, new() { MemberCode = Fujieda }] };
        platform.WideAreaGroups.Add(group);
        await platform.SaveChangesAsync();
        await using var fujieda = app.Database.Context(Fujieda, actor: "test-setup");
        (await DeteriorationModels.FitAsync(fujieda, AssetKind.Bridge, [], group.Id, new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc), default)).IsSuccess.ShouldBeTrue();
        return group.Id;
    }

    [Fact]
    public async Task a_member_sees_the_groups_pooled_model_adopts_it_and_the_forecast_uses_it()
    {
        var group = await PooledByFujiedaAsync();
        var page = await yaizuViewer.GetStringAsync("/222127/deterioration?kind=bridge");
        page.ShouldContain("id=\"table-pooled\"");
        page.ShouldContain($"data-group=\"{group}\" data-fitted-by=\"222143\" data-kind=\"bridge\"");
        page.ShouldContain("<th scope=\"row\">志太榛原インフラ群</th><td>藤枝市（222143）</td><td>2025-04-01</td>");
        page.ShouldNotContain("handler=Adopt");
        page.ShouldNotContain("id=\"table-forecast\"");

        var adopted = await AppFactory.PostFormAsync(yaizuAdmin, "/222127/deterioration?handler=Adopt",
            new() { ["kind"] = "bridge", ["group"] = group.ToString(System.Globalization.CultureInfo.InvariantCulture), ["fittedBy"] = Fujieda }, formPage: "/222127/deterioration");
        adopted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await yaizuViewer.GetStringAsync("/222127/deterioration?kind=bridge");
        after.ShouldContain("広域グループ「志太榛原インフラ群」の共同推定を採用（藤枝市が2025-04-01に推定）");
        after.ShouldContain("id=\"table-forecast\"");
        var forecast = (await yaizuViewer.GetStringAsync("/222127/deterioration/export?table=forecast&kind=bridge&format=csv")).Split('\n');
        forecast[1].ShouldContain(",6,2,1,1");
        await using var db = app.Database.Context(Yaizu);
        (await db.DeteriorationModels.SingleAsync()).GroupId.ShouldBeNull();
    }

    [Fact]
    public async Task a_viewer_cannot_adopt_a_pooled_model()
    {
        var group = await PooledByFujiedaAsync();
        var response = await AppFactory.PostFormAsync(yaizuViewer, "/222127/deterioration?handler=Adopt",
            new() { ["kind"] = "bridge", ["group"] = group.ToString(System.Globalization.CultureInfo.InvariantCulture), ["fittedBy"] = Fujieda }, formPage: "/account/login");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = app.Database.Context(Yaizu);
        (await db.DeteriorationModels.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_tenant_outside_the_group_never_sees_the_pooled_model_and_its_adoption_is_refused()
    {
        var group = await PooledByFujiedaAsync();
        var outsider = await app.SignedInClientAsync("admin@chiyoda.example.jp", await app.CreateUserAsync("admin@chiyoda.example.jp", "131016", TenantRole.Admin));

        var page = await outsider.GetStringAsync("/131016/deterioration?kind=bridge");
        page.ShouldNotContain("志太榛原インフラ群");
        page.ShouldNotContain("table-pooled");
        var refused = await AppFactory.PostFormAsync(outsider, "/131016/deterioration?handler=Adopt",
            new() { ["kind"] = "bridge", ["group"] = group.ToString(System.Globalization.CultureInfo.InvariantCulture), ["fittedBy"] = Fujieda }, formPage: "/131016/deterioration");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("共同推定モデルはないか、この団体からは読めません。");
        // A member's page is not the outsider's to post to.
        (await AppFactory.PostFormAsync(outsider, "/222127/deterioration?handler=Adopt",
            new() { ["kind"] = "bridge", ["group"] = "1", ["fittedBy"] = Fujieda }, formPage: "/131016/deterioration")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = app.Database.Context("131016");
        (await db.DeteriorationModels.CountAsync()).ShouldBe(0);
    }
}
