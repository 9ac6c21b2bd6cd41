using InfraLedger.Web.Tests.Browser;
using InfraLedger.Web.Tests.Cli;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("InfraLedger.Web.Tests.Support.LongChainsFirst", "InfraLedger.Web.Tests")]

namespace InfraLedger.Web.Tests.Support;

/// <summary>
/// Starts the collections whose tests run one after another for minutes first: the browser tests (one Chromium, about
/// 2.5 minutes) and the CLI process comparisons (a <c>dotnet</c> process per test), then the rest in xunit's default
/// order. Started where they fell (the browser tests came last in a run), they were the run's tail: the other
/// collections had finished and one core waited for them.
/// </summary>
public sealed class LongChainsFirst : ITestCollectionOrderer
{
    private static readonly string[] First = [BrowserTestGroup.Name, typeof(CliProcessTests).FullName!];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Array.FindIndex(First, name => c.DisplayName == name || c.DisplayName.EndsWith(" " + name, StringComparison.Ordinal)) is var i and >= 0 ? i : First.Length)
            .ThenBy(c => c.UniqueID);
}
