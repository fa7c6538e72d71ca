namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// One running console with demo data and one Chromium, shared by every browser test:
/// starting them costs seconds, and the tests sign in as different demo staff, so they don't interfere.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ConsoleApp>, ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
