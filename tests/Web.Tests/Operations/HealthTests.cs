using System.Net;
using System.Text.Json;
using InfraLedger.Core.Database;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Operations;

/// <summary>Issue 23 item 4: liveness and readiness (database reachable, every migration of this build applied).</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private AppFactory app = null!;

    public async Task InitializeAsync() => app = await AppFactory.CreateAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task live_ready_and_the_older_route_answer_200_anonymously_on_a_migrated_database()
    {
        var live = await GetAsync("/health/live");
        var ready = await GetAsync("/health/ready");
        var health = await GetAsync("/health");

        live.Status.ShouldBe(HttpStatusCode.OK);
        live.Body.GetProperty("status").GetString().ShouldBe("Healthy");
        ready.Status.ShouldBe(HttpStatusCode.OK);
        ready.Body.GetProperty("checks").GetProperty("migrations").GetProperty("description").GetString()!
            .ShouldContain($"{Migrator.Scripts(app.Database.Settings.Provider).Count} migrations applied");
        health.Status.ShouldBe(HttpStatusCode.OK);
        health.Body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task ready_is_503_naming_a_migration_the_database_lacks_while_live_stays_200()
    {
        _ = await GetAsync("/health/live"); // started: the host migrated the database
        var last = Migrator.Scripts(app.Database.Settings.Provider)[^1].Version;
        await using (var db = app.Database.Context())
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM schema_migrations WHERE version = {last}");
        }

        var ready = await GetAsync("/health/ready");

        ready.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.Body.GetProperty("checks").GetProperty("migrations").GetProperty("description").GetString()!.ShouldContain($"{last:D4}");
        (await GetAsync("/health/live")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ready_is_503_when_a_migration_was_changed_after_it_was_applied()
    {
        _ = await GetAsync("/health/live");
        await using (var db = app.Database.Context())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE schema_migrations SET checksum = 'x' WHERE version = 1");
        }

        var ready = await GetAsync("/health/ready");

        ready.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.Body.GetProperty("checks").GetProperty("migrations").GetProperty("description").GetString()!.ShouldContain("0001");
    }
}
