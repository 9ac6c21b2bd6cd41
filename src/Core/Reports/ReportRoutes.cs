using System.Text.Json;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Reports;

/// <summary>
/// A tenant's routes by kind of report (ADR 0028): reports of a service are forwarded on receipt to another body, e.g.
/// 県道 and 河川 to the prefecture. Kept as one tenant setting (<see cref="SettingKey"/>, JSON service code → 団体コード),
/// so each municipality's policy is data; every change is audited with the setting.
/// </summary>
public static class ReportRoutes
{
    public const string SettingKey = "report-routes";

    /// <summary>Service code → the 6-digit code of the body its reports go to.</summary>
    public static async Task<SortedDictionary<string, string>> ListAsync(AppDbContext db, CancellationToken ct)
    {
        var json = await db.TenantSettings.AsNoTracking().Where(s => s.Key == SettingKey).Select(s => s.Value).SingleOrDefaultAsync(ct);
        var routes = json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json);
        return new SortedDictionary<string, string>(routes ?? [], StringComparer.Ordinal);
    }

    public static async Task<string?> TargetOfAsync(AppDbContext db, string serviceCode, CancellationToken ct) =>
        (await ListAsync(db, ct)).GetValueOrDefault(serviceCode);

    /// <summary>Routes the service's reports to <paramref name="targetCode"/>, or stops routing them when it is empty.</summary>
    public static async Task<Result<SortedDictionary<string, string>>> SetAsync(AppDbContext db, string? serviceCode, string? targetCode, CancellationToken ct)
    {
        var code = serviceCode?.Trim() ?? "";
        if (await Services.FindAsync(db, code, ct) is null)
        {
            return Errors.RouteService(code);
        }

        var routes = await ListAsync(db, ct);
        if (string.IsNullOrWhiteSpace(targetCode))
        {
            routes.Remove(code);
        }
        else
        {
            var target = await Tenants.FindAsync(db, targetCode.Trim(), ct);
            if (!target.IsSuccess)
            {
                return Errors.ForwardTarget(targetCode.Trim(), target.Error!.Message);
            }

            if (target.Value.Code == db.Scope.TenantId)
            {
                return Errors.ForwardToSelf;
            }

            if (!await CrossTenant.TakesReportsAsync(db, target.Value.Code, ct))
            {
                return Errors.ForwardTarget(target.Value.Code, $"{target.Value.Name}は通報を受け付けていません（通報の種類がありません）。");
            }

            routes[code] = target.Value.Code;
        }

        var saved = await TenantSettings.SetAsync(db, SettingKey, JsonSerializer.Serialize(routes), ct);
        return saved.IsSuccess ? routes : saved.Error!;
    }
}
