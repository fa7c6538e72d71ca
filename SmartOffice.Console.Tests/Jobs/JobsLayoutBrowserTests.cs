using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.Jobs;

/// <summary>/jobs at 1366×768 with the menu open: 「今すぐ実行」/「一時停止」 of every job in view (they were cut off at the table's edge).</summary>
[Collection(BrowserCollection.Name)]
public sealed class JobsLayoutBrowserTests(ConsoleApp app, Support.Browser browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_jobs_buttons_are_whole_with_the_menu_open(bool english)
    {
        var page = await browser.OpenSignedInAsync(app, DemoStaff.Supervisor, DemoStaff.Password, "jobs", english);
        var buttons = page.Locator("[data-testid=jobs-table] [data-testid^=run-], [data-testid=jobs-table] [data-testid^=pause-]");
        await Microsoft.Playwright.Assertions.Expect(buttons.First).ToBeVisibleAsync();
        await page.ScreenshotAsync(english ? "layout-jobs-en" : "layout-jobs");
        Assert.True(await page.Locator(".mud-drawer--open").IsVisibleAsync(), "the menu is open");

        Assert.Empty(await Layout.CutOffAsync(buttons));
        Assert.False(await Layout.ScrollsSidewaysAsync(page), "the jobs page scrolls sideways");
    }
}
