namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// One running console with demo data and one Chromium, shared by every browser test:
/// starting them costs seconds, and the tests sign in as different demo staff, so they don't interfere.
/// One line, not two: on two cores a second console and Chromium made each line as slow as the one (docs/testing.md).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ConsoleApp>, ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
