using System.Text.Json;
using InfraLedger.Core.Database;
using InfraLedger.Core.Operations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InfraLedger.Web.Operations;

/// <summary>
/// The health endpoints, anonymous, for the orchestrator (docs/operations.md): <c>/health/live</c> is 200 while the
/// process serves requests (restart it when not); <c>/health/ready</c> is 200 when the database answers and carries every
/// migration of this build (send it traffic only then), else 503; <c>/health</c>, the older route, checks the database.
/// Each answers <c>{"status":…,"checks":{name:{status,description}}}</c>.
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    public static void AddInfraLedgerHealth(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready]);

    public static void MapInfraLedgerHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", Options(c => c.Name == "database")).AllowAnonymous();
        app.MapHealthChecks("/health/live", Options(_ => false)).AllowAnonymous();
        app.MapHealthChecks("/health/ready", Options(c => c.Tags.Contains(Ready))).AllowAnonymous();
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = (context, report) =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            return context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            }));
        },
    };
}

/// <summary>The database answers: the number of bodies of the master.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db, DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var bodies = await db.LocalGovernments.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{settings.Provider}: {bodies} bodies");
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy($"{settings.Provider}: {ex.GetType().Name}");
        }
    }
}

/// <summary>The database answers and carries every migration of this build (<see cref="Readiness"/>).</summary>
public sealed class MigrationsHealthCheck(AppDbContext db, DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var outcome = await Readiness.CheckAsync(db, settings.Provider, cancellationToken);
        return outcome.Ready ? HealthCheckResult.Healthy(outcome.Description) : HealthCheckResult.Unhealthy(outcome.Description);
    }
}
