using InfraLedger.Core.Audit;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Tenancy;
using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Pages.Tenancy;

/// <summary>The tenant home: key figures and to-dos (<see cref="HomeFigures"/>), each linking to the list behind it.</summary>
[Authorize(Policy = Policies.TenantViewer)]
public sealed class HomeModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public LocalGovernment Tenant { get; private set; } = null!;

    public string PrefectureName { get; private set; } = "";

    public HomeFigures.Figures Figures { get; private set; } = null!;

    /// <summary>How many members the home lists (the whole list, with addresses, is on the members page).</summary>
    public const int MembersShown = 10;

    public List<UserAccounts.Member> Members { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        PrefectureName = await db.LocalGovernments.Where(b => b.Code == Tenant.PrefectureCode).Select(b => b.Name).SingleAsync(ct);
        Members = await UserAccounts.MembersAsync(db, ct);
        IsAdmin = (await authorization.AuthorizeAsync(User, Policies.TenantAdmin)).Succeeded;
        var now = DateTime.UtcNow;
        Figures = await HomeFigures.ForTenantAsync(db, new FiscalYear(Indicators.IndexModel.DefaultYear(now)), now, ct);
    }

    /// <summary>A UTC time as people in Japan read it.</summary>
    public static string Jst(DateTime utc) => utc.AddHours(9).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string ActionLabel(AuditEvent e) => e.Action switch
    {
        "Added" => "追加",
        "Modified" => "変更",
        "Deleted" => "削除",
        "Imported" => "取込",
        _ => e.Action,
    };

    public static string EntityLabel(AuditEvent e) => e.EntityType switch
    {
        "Facility" => "施設",
        "FixedAsset" => "固定資産",
        "Inspection" => "点検記録",
        "InspectionPhoto" => "点検写真",
        "MaintenanceWork" => "工事・補修",
        "ResidentReport" => "住民通報",
        "TenantMembership" => "メンバー",
        "TenantInvitation" => "招待",
        "ReportNote" => "通報の記録",
        "ReportPhoto" => "通報の写真",
        "ReportService" => "通報の種類",
        "RegisterVersion" => "台帳の版",
        "ApiToken" => "APIトークン",
        "TenantSetting" => "団体の設定",
        "TenantPopulation" => "人口",
        "ProjectionScenario" => "推計のシナリオ",
        "RecentInvestment" => "投資的経費",
        "WorksPlan" => "個別施設計画",
        "FacilityConsequence" => "影響度",
        "MaintenanceLibrary" => "維持管理の設定",
        "DeteriorationModel" => "劣化モデル",
        "OpenDataset" => "オープンデータ",
        "ImportLayout" => "取込の列の対応付け",
        _ => e.EntityType,
    };
}
