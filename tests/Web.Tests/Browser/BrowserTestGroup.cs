namespace InfraLedger.Web.Tests.Browser;

/// <summary>
/// All browser tests share one app and one Chromium, one test after another (a collection), beside the rest of the
/// suite: xunit runs as many tests at once as there are cores, so Chromium competes with one other test at most, and
/// its waits allow for that (BrowserFixture.OpenAsync).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
