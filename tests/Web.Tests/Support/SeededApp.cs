namespace InfraLedger.Web.Tests.Support;

/// <summary>
/// One host for a test class whose tests each start from the same seed: the host starts once, <see cref="SeedAsync"/>
/// (users, signed-in clients, data) runs once, and before every test but the first <see cref="ResetAsync"/> puts the
/// database back as the seed left it (<see cref="InfraLedger.Tests.TestDatabase.SnapshotAsync"/>). A test writes what it likes and the
/// next one does not see it, as with a host per test, without starting a host and seeding per test.
/// Only for classes whose tests change nothing the host keeps in memory (jobs, rate limits, the output cache).
/// </summary>
public abstract class SeededApp : IAsyncLifetime
{
    private bool fresh;

    public AppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await Create();
        await SeedAsync(App);
        await App.Database.SnapshotAsync();
        fresh = true;
    }

    /// <summary>Before each test (the class's <c>InitializeAsync</c>): the database as the seed left it.</summary>
    public async Task ResetAsync()
    {
        if (!fresh)
        {
            await App.Database.RestoreAsync();
        }

        fresh = false;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>The host over its database (a fresh one by default).</summary>
    protected virtual Task<AppFactory> Create() => AppFactory.CreateAsync();

    protected abstract Task SeedAsync(AppFactory app);
}
