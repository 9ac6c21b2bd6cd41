using InfraLedger.Web.Identity;
using InfraLedger.Web.Tenancy;

namespace InfraLedger.Web.Jobs;

/// <summary>Status of a background job of the tenant, polled by its progress page.</summary>
public static class JobApi
{
    public sealed record JobStatusDto(string Status, double? Fraction, long Rows, string? Message, bool Finished);

    public static void MapJobApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/{lgcode:lgcode}/jobs/{id:guid}", async (Guid id, HttpContext http, JobRegistry jobs, CancellationToken ct) =>
            await jobs.FindAsync(http.Tenant().Code, id, ct) is { } job
                ? Results.Ok(new JobStatusDto(job.Status.ToString(), job.Fraction, job.Rows, job.Message, job.IsFinished))
                : Results.NotFound())
        .RequireAuthorization(Policies.TenantViewer);
}
