using Xunit.Abstractions;

[assembly: TestCollectionOrderer("SmartOffice.Console.Tests.Support.BrowserCollectionsFirst", "SmartOffice.Console.Tests")]

namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// Starts the two browser collections before the others: xunit runs only as many collections at once as
/// <c>maxParallelThreads</c> (xunit.runner.json), and the browser collections are the longest, so starting them last
/// made them the suite's critical path (docs/testing.md).
/// </summary>
public sealed class BrowserCollectionsFirst : ITestCollectionOrderer
{
    private static readonly string[] First = [OrderFlowBrowserCollection.Name, BrowserCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => Array.IndexOf(First, c.DisplayName) is var i and >= 0 ? i : First.Length);
}
