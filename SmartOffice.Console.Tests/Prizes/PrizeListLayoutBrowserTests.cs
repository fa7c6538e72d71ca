using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.Prizes;

/// <summary>The prize applications at 1366×768: 会社名 and the prize read whole words, not 1–2 characters a line.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrizeListLayoutBrowserTests(ConsoleApp app, Support.Browser browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Company_and_prize_are_not_broken_mid_word(bool english)
    {
        var page = await browser.OpenSignedInAsync(app, DemoStaff.DeskAgent, DemoStaff.Password, "prizes/applications", english);
        var companies = page.Locator("[data-testid=application-company]");
        await Microsoft.Playwright.Assertions.Expect(companies.First).ToBeVisibleAsync();

        var fewest = await Layout.FewestCharactersPerWrappedLineAsync(page.Locator("[data-testid=application-company], [data-testid=application-prize]"));
        await page.ScreenshotAsync(english ? "layout-prize-applications-en" : "layout-prize-applications");
        Assert.True(fewest is 0 or >= 5, $"a company or prize wraps at {fewest:0.0} characters a line");
        Assert.False(await Layout.ScrollsSidewaysAsync(page), "the list scrolls sideways");
    }
}
