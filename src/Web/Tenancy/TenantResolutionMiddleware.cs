using InfraLedger.Core.Database;
using InfraLedger.Core.Tenancy;

namespace InfraLedger.Web.Tenancy;

/// <summary>
/// Resolves the tenant once per request from the <c>{lgcode}</c> route value. A malformed code or a wrong
/// check digit is 400 with the reason (naming the expected check digit); a code that is no tenant is 404.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public const string RouteKey = "lgcode";

    public async Task InvokeAsync(HttpContext context, AppDbContext db)
    {
        if (context.GetRouteValue(RouteKey) is string code)
        {
            var tenant = await Tenants.FindAsync(db, code, context.RequestAborted);
            if (!tenant.IsSuccess)
            {
                await ErrorResponses.WriteAsync(context, tenant.Error!);
                return;
            }

            db.Scope.Enter(LocalGovernmentCode.Parse(tenant.Value.Code).Value);
            context.Items[typeof(LocalGovernment)] = tenant.Value;
        }

        await next(context);
    }
}

public static class TenantHttpContextExtensions
{
    /// <summary>The tenant resolved from the URL; only on tenant routes.</summary>
    public static LocalGovernment Tenant(this HttpContext context) =>
        context.Items[typeof(LocalGovernment)] as LocalGovernment
        ?? throw new InvalidOperationException("このリクエストにはテナントがありません（/{lgcode}/… 以外のルート）。");
}
