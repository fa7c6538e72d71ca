using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>The FAX queue at 1366×768: the sender and the kind read whole words, not 1–2 characters a line.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FaxQueueLayoutBrowserTests(ConsoleApp app, Support.Browser browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sender_and_kind_are_not_broken_mid_word(bool english)
    {
        var page = await browser.OpenSignedInAsync(app, DemoStaff.DeskAgent, DemoStaff.Password, "fax", english);
        var senders = page.Locator("[data-testid=fax-sender]");
        await Microsoft.Playwright.Assertions.Expect(senders.First).ToBeVisibleAsync();

        var fewest = await Layout.FewestCharactersPerWrappedLineAsync(page.Locator("[data-testid=fax-sender], [data-testid=fax-kind]"));
        await page.ScreenshotAsync(english ? "layout-fax-queue-en" : "layout-fax-queue");
        Assert.True(fewest is 0 or >= 5, $"a sender or kind wraps at {fewest:0.0} characters a line");
        Assert.Empty(await Layout.CutOffAsync(page.Locator("[data-testid=fax-claim], [data-testid=fax-open], [data-testid=fax-release]")));
        Assert.False(await Layout.ScrollsSidewaysAsync(page), "the queue scrolls sideways");
    }
}
