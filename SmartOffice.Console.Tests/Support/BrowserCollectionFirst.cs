using Xunit.Abstractions;

[assembly: TestCollectionOrderer("SmartOffice.Console.Tests.Support.BrowserCollectionFirst", "SmartOffice.Console.Tests")]

namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// Starts the browser tests' collection before the others: xunit runs only as many collections at once as there are
/// cores, and the browser collection is the longest, so starting it after the others made it the suite's critical path
/// (docs/testing.md).
/// </summary>
public sealed class BrowserCollectionFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName == BrowserCollection.Name ? 0 : 1);
}
