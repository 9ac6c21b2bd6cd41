namespace InfraLedger.Web.Tests.Browser;

/// <summary>
/// All browser tests share one app and one Chromium, and run apart from the parallel rest of the suite:
/// on two cores a Chromium competing with a dozen test hosts and CLI processes misses its timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
