namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// One running console with demo data and one Chromium, shared by the browser tests of staff, hosting, reporting, accounts
/// and audit: starting them costs seconds, and the tests sign in as different demo staff, so they don't interfere.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ConsoleApp>, ICollectionFixture<Browser>
{
    public const string Name = "browser";
}

/// <summary>
/// A second console and Chromium for the browser tests of an order's life (ordering, FAX inbox, warehouse, returns,
/// points, prizes, jobs, calendar), run beside <see cref="BrowserCollection"/>: one line of browser tests was the suite's
/// critical path (docs/testing.md).
/// </summary>
[CollectionDefinition(Name)]
public sealed class OrderFlowBrowserCollection : ICollectionFixture<ConsoleApp>, ICollectionFixture<Browser>
{
    public const string Name = "browser-order-flow";
}
