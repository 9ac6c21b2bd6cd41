using System.Text.RegularExpressions;
using InfraLedger.Core.Common;
using InfraLedger.Core.Database;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Core.Tenancy;

/// <summary>Reading and writing the current tenant's settings (through the tenant filter).</summary>
public static partial class TenantSettings
{
    public static Task<List<TenantSetting>> ListAsync(AppDbContext db, CancellationToken ct) =>
        db.TenantSettings.AsNoTracking().OrderBy(s => s.Key).ToListAsync(ct);

    public static async Task<Result<TenantSetting>> SetAsync(AppDbContext db, string key, string value, CancellationToken ct)
    {
        if (!KeyPattern().IsMatch(key))
        {
            return Errors.SettingKey(key);
        }

        if (value.Length > 4000)
        {
            return Errors.SettingValueTooLong(value.Length);
        }

        var tenantId = db.Scope.TenantId ?? throw new InvalidOperationException("テナントが設定されていません。");
        var setting = await db.TenantSettings.SingleOrDefaultAsync(s => s.Key == key, ct);
        if (setting is null)
        {
            setting = new TenantSetting { TenantId = tenantId, Key = key, Value = value };
            db.TenantSettings.Add(setting);
        }
        else
        {
            setting.Value = value;
        }

        await db.SaveChangesAsync(ct);
        return setting;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex KeyPattern();
}
