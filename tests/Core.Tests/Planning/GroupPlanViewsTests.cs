using InfraLedger.Core.Common;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Planning;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Tests.Planning;

/// <summary>Who sees what of a group plan: the admin body's editors the whole, each member its share, others nothing.</summary>
[Trait("Database", "any")] // no database
public sealed class GroupPlanViewsTests
{
    private const string Admin = "221007";
    private const string A = "222127";
    private const string B = "222143";
    private const string Outsider = "222135";

    private static readonly GroupPlan Plan = Solve();

    private static GroupPlan Solve()
    {
        GroupCandidate[] candidates =
        [
            new(Admin, new Candidate("X1", 1, "補修", 30, 60), AssetKind.Bridge, "M523846"),
            new(A, new Candidate("A1", 1, "補修", 20, 50), AssetKind.Bridge, "M523846"),
            new(A, new Candidate("A2", 1, "更新", 70, 90), AssetKind.Road, "M523846"),
            new(B, new Candidate("B1", 1, "補修", 40, 80), AssetKind.Bridge, "M523846"),
            new(B, new Candidate("B2", 2, "補修", 10, 15), AssetKind.Bridge, "B" + B),
        ];
        GroupBudget[] budgets = [.. new[] { Admin, A, B }.SelectMany(m => new[] { new GroupBudget(m, 1, "", 100), new GroupBudget(m, 2, "", 100) })];
        return GroupProgramme.Solve(new GroupProblem(3, "志太榛原群", Admin, [Admin, A, B], candidates, GroupBudgetMode.PerMember, budgets), SolveMethod.Exact).Value;
    }

    [Fact]
    public void the_group_admins_editor_sees_the_whole_plan()
    {
        var view = GroupPlanViews.For(Plan, new GroupCaller(Admin, TenantRole.Editor)).Value;

        view.Whole.ShouldBeTrue();
        view.Works.Count.ShouldBe(5);
        view.Cost.ShouldBe(Plan.Cost);
        view.Budgets.Count.ShouldBe(6);
        var joint = view.Packages.Single(p => p.Id == "1-Bridge-M523846");
        (joint.Count, joint.Cost, joint.MembersInvolved).ShouldBe((3, 90m, 3));
        joint.Shares.Select(s => s.Member).ShouldBe([Admin, A, B]);
    }

    [Fact]
    public void a_member_sees_only_its_works_and_its_part_of_each_package()
    {
        var view = GroupPlanViews.For(Plan, new GroupCaller(A, TenantRole.Admin)).Value;

        view.Whole.ShouldBeFalse();
        view.Works.Select(w => w.Candidate.Facility).ShouldBe(["A1", "A2"]);
        view.Works.ShouldAllBe(w => w.Member == A);
        view.Packages.Select(p => p.Id).ShouldBe(["1-Road-M523846", "1-Bridge-M523846"]);
        var joint = view.Packages.Single(p => p.Id == "1-Bridge-M523846");
        (joint.Count, joint.Cost, joint.MembersInvolved).ShouldBe((1, 20m, 3));
        joint.Shares.ShouldBe([new PackageShare(A, 1, 20)]);
        joint.Works.ShouldAllBe(w => w.Member == A);
        view.Budgets.ShouldAllBe(b => b.Member == A);
        view.Spending.Keys.ShouldAllBe(k => k.Member == A);
        view.Packages.ShouldNotContain(p => p.Id == "2-Bridge-B222143");
    }

    [Fact]
    public void a_viewer_of_the_admin_body_sees_only_its_bodys_share()
    {
        var view = GroupPlanViews.For(Plan, new GroupCaller(Admin, TenantRole.Viewer)).Value;

        view.Whole.ShouldBeFalse();
        view.Works.Select(w => w.Candidate.Facility).ShouldBe(["X1"]);
    }

    [Theory]
    [InlineData(TenantRole.Viewer)]
    [InlineData(TenantRole.Admin)]
    public void a_body_outside_the_group_sees_nothing_not_even_that_the_plan_exists(TenantRole role)
    {
        var error = GroupPlanViews.For(Plan, new GroupCaller(Outsider, role)).Error.ShouldNotBeNull();

        error.Kind.ShouldBe(ErrorKind.NotFound);
        error.Code.ShouldBe("planning.group_not_found");
    }

    [Fact]
    public void a_members_export_holds_its_own_works_and_its_part_of_each_package()
    {
        var tables = GroupPlanExport.Tables(GroupPlanViews.For(Plan, new GroupCaller(A, TenantRole.Editor)).Value);

        var works = tables[0];
        works.Title.ShouldBe("志太榛原群 対策工事リスト（222127 分）");
        works.Rows.Select(r => r[0].Text).ShouldAllBe(m => m == A);
        works.Rows.Select(r => r[9].Text).ShouldBe(["1-Bridge-M523846", "1-Road-M523846"]);
        var packages = tables[1];
        packages.Rows.Single(r => r[0].Text == "1-Bridge-M523846").Select(c => c.Number ?? (object?)c.Text).ShouldBe(["1-Bridge-M523846", 1m, "橋梁", "M523846", 1m, 20m, 3m, A]);
        GroupPlanExport.Tables(GroupPlanViews.For(Plan, new GroupCaller(Admin, TenantRole.Admin)).Value)[0].Rows.Count.ShouldBe(5);
    }
}
