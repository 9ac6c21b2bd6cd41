using InfraLedger.Core.Audit;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
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

    public int MemberCount { get; private set; }

    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenant = HttpContext.Tenant();
        PrefectureName = await db.LocalGovernments.Where(b => b.Code == Tenant.PrefectureCode).Select(b => b.Name).SingleAsync(ct);
        MemberCount = await db.Memberships.CountAsync(ct);
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
        "Membership" => "メンバー",
        _ => e.EntityType,
    };
}
