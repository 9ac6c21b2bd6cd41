namespace InfraLedger.Web.Tests.Support;

/// <summary>
/// One app for a test class whose tests leave nothing another test reads (anonymous reads, users of their own):
/// starting a host and creating its database costs more than most tests.
/// </summary>
public sealed class SharedApp : IAsyncLifetime
{
    public AppFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync() => Factory = await AppFactory.CreateAsync();

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
