using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>The FAX queue at 1366×768 with the menu open: the sender and the kind read whole words, not 1–2 characters
/// a line, and every button is whole.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FaxQueueLayoutBrowserTests(ConsoleApp app, Support.Browser browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sender_and_kind_are_not_broken_mid_word(bool english)
    {
        var page = await browser.OpenSignedInAsync(app, DemoStaff.DeskAgent, DemoStaff.Password, "fax", english);

        await Layout.AssertReadsWholeAsync(page, "[data-testid=fax-sender], [data-testid=fax-kind]",
            english ? "layout-fax-queue-en" : "layout-fax-queue");
        Assert.Empty(await Layout.CutOffAsync(page.Locator("[data-testid=fax-claim], [data-testid=fax-open], [data-testid=fax-release]")));
    }
}
