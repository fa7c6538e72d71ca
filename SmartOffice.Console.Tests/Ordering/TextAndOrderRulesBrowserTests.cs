using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// Issue 17's screens walked in the browser on the demo data, Japanese and English at 1366×768 (docs/text-and-order-rules.md):
/// 「グリーン」 finds the グリーン… customers on /customers, and order entry offers the customer's other departments as
/// ship-to.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TextAndOrderRulesBrowserTests(ConsoleApp app, Support.Browser browser)
{
    private Task<IPage> OpenAsync(string path, bool english) =>
        browser.OpenSignedInAsync(app, DemoStaff.DeskAgent, DemoStaff.Password, path, english);

    [Theory]
    [InlineData(false, "long-vowel-customers-ja")]
    [InlineData(true, "long-vowel-customers-en")]
    public async Task The_customers_page_finds_names_with_the_long_vowel(bool english, string screenshot)
    {
        var page = await OpenAsync("customers", english);

        await page.FillAsync("input[data-testid=customer-search], [data-testid=customer-search] input", "グリーン");
        await page.Keyboard.PressAsync("Enter");

        var rows = page.Locator("[data-testid=customers] tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("グリーン");
        await page.ScreenshotAsync(screenshot);
    }

    [Theory]
    [InlineData(false, "ship-to-department-ja")]
    [InlineData(true, "ship-to-department-en")]
    public async Task Order_entry_offers_another_department_as_the_ship_to(bool english, string screenshot)
    {
        int orderId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync())
        {
            orderId = await db.Orders.AsNoTracking()
                .Where(o => o.Channel == OrderChannel.Fax && o.ShipToId == null && o.Customer!.Departments.Count(d => d.IsActive) >= 2
                            && !db.OrderLocks.Any(l => l.CustomerId == o.CustomerId))
                .OrderByDescending(o => o.Id).Select(o => o.Id).FirstAsync();
        }
        var page = await OpenAsync($"orders/new?sameAs={orderId}", english);
        var shipTo = page.Locator("[data-testid=ship-to]");
        await Assertions.Expect(shipTo).ToBeEnabledAsync();

        var other = shipTo.Locator("optgroup").First.Locator("option").First;
        await shipTo.SelectOptionAsync(await other.GetAttributeAsync("value") ?? "");

        await Assertions.Expect(page.Locator("[data-testid=ship-to-address]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(screenshot);
    }
}
