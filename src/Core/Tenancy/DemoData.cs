using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfraLedger.Core.Tenancy;

/// <summary>
/// The demo: the local-government master, 焼津市 (222127) with its register (real open data and a labelled
/// sample; its 公共施設一覧 and 指標 published as open data under CC BY 4.0, its 固定資産台帳 left for the admin to publish) and a demo admin whose
/// password is generated on first start and returned once, and a demo wide-area group (志太地域: 焼津市, 藤枝市);
/// a labelled sample population and recent investment.
/// </summary>
public static class DemoData
{
    public const string TenantCode = "222127";
    public const string AdminEmail = "yaizu-admin@example.jp";
    public const string GroupName = "志太地域インフラ群（デモ）";

    /// <summary>The dataset the demo leaves unpublished: the 固定資産台帳 waits for the demo admin to publish it.</summary>
    public const string DemoUnpublishedDataset = OpenData.DatasetKind.Register;

    public sealed record Outcome(MasterLoader.Outcome Master, string? AdminPassword);

    public static async Task<Outcome> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var master = await MasterLoader.LoadAsync(db, DateTime.UtcNow, ct);
        await Indicators.FiscalIndicatorImport.ImportEmbeddedAsync(db, DateTime.UtcNow, ct);

        if (!await db.WideAreaGroups.AnyAsync(g => g.Name == GroupName, ct))
        {
            db.WideAreaGroups.Add(new WideAreaGroup
            {
                Name = GroupName,
                Kind = WideAreaGroupKind.InfrastructureGroup,
                Description = "地域インフラ群再生戦略マネジメントのデモ用グループ（焼津市・藤枝市）",
                Members = [new() { MemberCode = TenantCode, IsAdmin = true }, new() { MemberCode = "222143" }],
            });
            await db.SaveChangesAsync(ct);
        }

        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(LocalGovernmentCode.Parse(TenantCode).Value);
        db.Scope.Actor = "system:demo-seed";
        var seeded = await Register.DemoData.DemoRegister.SeedAsync(db, DateTime.UtcNow, ct);
        await Inspections.DemoInspections.SeedAsync(db, ct);
        await Reports.DemoReports.SeedAsync(db, DateTime.UtcNow, ct);
        if (!await db.Populations.AnyAsync(ct))
        {
            // A round figure for the per-resident demo, labelled as sample wherever it is shown: not an official count.
            db.Populations.Add(new Indicators.TenantPopulation
            {
                TenantId = TenantCode, FiscalYear = 2020, Population = 136_000, Basis = "住民基本台帳人口（概数）", Source = "デモ用サンプル（公式の人口ではありません）", IsSample = true,
            });
            await db.SaveChangesAsync(ct);
        }

        if (!await db.RecentInvestments.AnyAsync(ct))
        {
            // Round sample figures for the recent-investment line of the projection chart: not 焼津市's accounts.
            for (var year = 2019; year <= 2023; year++)
            {
                db.RecentInvestments.Add(new Projection.RecentInvestment
                {
                    TenantId = TenantCode, FiscalYear = year, Renewal = (1_100 + ((year - 2019) * 50)) * 1_000_000m, NewBuild = 600_000_000m, Land = 100_000_000m,
                    Source = "デモ用サンプル（焼津市の決算額ではありません）", IsSample = true,
                });
            }

            await db.SaveChangesAsync(ct);
        }

        // The demo catalogue and dashboards: with the register's first seed only (a later start never publishes again what
        // the demo admin withdrew), 焼津市 publishes its register figures of FY2021 (the last year of the 主要財政指標) and
        // its datasets except the 固定資産台帳 (issue 21 item 7): the register of each asset's 取得価額 and 帳簿価額 is published
        // only by an admin's action on the open-data page, never by the demo itself.
        if (seeded is not null)
        {
            var report = await Indicators.IndicatorReport.BuildAsync(db, new Common.FiscalYear(2021), ct);
            var published = await Indicators.RegisterPublication.PublishAsync(db, report.Value, DateTime.UtcNow, ct);
            if (!published.IsSuccess)
            {
                throw new InvalidOperationException(published.Error!.Message);
            }

            foreach (var kind in OpenData.DatasetKind.All.Where(k => k.Id != DemoUnpublishedDataset))
            {
                await OpenData.Publication.PublishAsync(db, kind.Id, "cc-by-4.0", OpenData.OpenDataLicences.Default, DateTime.UtcNow, ct);
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(AdminEmail) is not null)
        {
            return new Outcome(master, null);
        }

        var created = await UserAccounts.CreateAsync(users, AdminEmail, "焼津市 デモ管理者", password: null);
        var admin = created.IsSuccess ? created.Value : throw new InvalidOperationException(created.Error!.Message);
        var membership = await UserAccounts.AddMemberAsync(db, AdminEmail, TenantRole.Admin, ct);
        if (!membership.IsSuccess)
        {
            throw new InvalidOperationException(membership.Error!.Message);
        }

        await UserAccounts.GrantAsync(db, admin.User.Id, PlatformRole.PlatformOperator, null, ct);
        return new Outcome(master, admin.GeneratedPassword);
    }
}
