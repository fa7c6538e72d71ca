using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>The dashboard's "today's orders" tiles open order search filtered as they count (they opened it unfiltered).</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTileBrowserTests(ConsoleApp app, Support.Browser browser)
{
    [Theory]
    [InlineData("fax-orders-today", "Fax", "FAX")]
    [InlineData("web-orders-today", "Web", "Web")]
    public async Task A_todays_orders_tile_opens_that_channels_orders_received_today(string tile, string channel, string shown)
    {
        var page = await browser.OpenSignedInAsync(app, DemoStaff.DeskAgent, DemoStaff.Password, "");
        var counted = int.Parse(await page.Locator($"[data-testid={tile}] .dashboard-figure").InnerTextAsync(),
            System.Globalization.NumberStyles.AllowThousands,
            System.Globalization.CultureInfo.InvariantCulture);

        await page.Locator($"[data-testid={tile}]").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/orders\\?from=.*channel={channel}$"));
        await page.WaitForCircuitAsync();

        var today = app.BusinessClock.Today.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("[data-testid=search-from]")).ToHaveValueAsync(today);
        await Assertions.Expect(page.Locator("[data-testid=search-to]")).ToHaveValueAsync(today);
        await Assertions.Expect(page.Locator("[data-testid=search-channel]")).ToHaveValueAsync(channel);
        var rows = page.Locator(".mud-table-body tr.mud-table-row");
        if (counted == 0)
            await Assertions.Expect(rows).ToHaveCountAsync(0);
        else
        {
            await Assertions.Expect(rows.First).ToBeVisibleAsync();
            // Every row is of the tile's channel and the list holds as many as the tile counted (one page of 25 at most).
            Assert.All(await page.Locator(".mud-table-body tr.mud-table-row td:nth-child(3)").AllInnerTextsAsync(), c => Assert.Equal(shown,
                c.Trim()));
            Assert.Equal(Math.Min(counted, 25), await rows.CountAsync());
        }
    }
}
