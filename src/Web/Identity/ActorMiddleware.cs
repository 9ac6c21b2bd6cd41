using System.Security.Claims;
using InfraLedger.Core.Tenancy;

namespace InfraLedger.Web.Identity;

/// <summary>Names who acts in this request, for the audit trail ("user:{id}" or "token:{id}"), and from which address.</summary>
public sealed class ActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, TenantScope scope)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
        {
            scope.Actor = id.StartsWith("token:", StringComparison.Ordinal) ? id : "user:" + id;
        }
        else
        {
            scope.Actor = "anonymous";
        }

        scope.Address = context.Connection.RemoteIpAddress?.ToString();

        return next(context);
    }
}
