using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// 簡易見積書 in the browser (docs/product-enquiry-and-quotes.md): keyed on the entry form, issued and shown as its A4 sheet
/// in Japanese (whatever the UI language), then — the customer having FAXed it back and the price having risen meanwhile —
/// turned into an order with the rise flagged. Japanese and English, 1366×768.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QuoteBrowserTests(ConsoleApp app, Support.Browser browser)
{
    [Theory]
    [InlineData(false, 41, "quote-ja")]
    [InlineData(true, 42, "quote-en")]
    public async Task A_quote_is_printed_then_turned_into_an_order_with_its_price_rise_flagged(bool english, int skip, string screenshot)
    {
        var customer = await OrderEntrySteps.CustomerAsync(app, skip);
        string product;
        await using (var db = OrderEntrySteps.Database(app))
        {
            product = await db.Products.AsNoTracking()
                .Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard && p.StockOnHand > 50 && p.UnitPrice > 100
                    && p.UnitPrice < 2000)
                .OrderByDescending(p => p.Id).Skip(skip).Select(p => p.Code).FirstAsync();
        }
        var page = await browser.OpenSignedInAsync(app, DemoStaff.DeskAgent, DemoStaff.Password, "orders/new", english);
        await OrderEntrySteps.PickCustomerAsync(page, customer);
        await page.Keyboard.PressAsync("Enter");
        await OrderEntrySteps.Line(page, 0, "code").FocusAsync();
        await OrderEntrySteps.KeyLineAsync(page, product, "3");
        await Assertions.Expect(page.Locator("[data-testid=summary-total]")).Not.ToBeEmptyAsync();

        await page.ClickAsync("[data-testid=issue-quote]");

        await page.WaitForAddressAsync(new System.Text.RegularExpressions.Regex(@"/quotes/\d+$"));
        var sheet = page.Locator("[data-testid=quote-sheet]");
        await Assertions.Expect(sheet).ToContainTextAsync("御見積書");
        await Assertions.Expect(sheet).ToContainTextAsync("在庫をお取り置きするものではありません");
        await Assertions.Expect(page.Locator("[data-testid=quote-valid-until]")).ToContainTextAsync(
            app.BusinessClock.Today.AddDays(14).ToString("yyyy年M月d日", System.Globalization.CultureInfo.GetCultureInfo("ja-JP")));
        await Assertions.Expect(page.Locator("[data-testid=quote-line]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=quote-shipping-rule]")).Not.ToBeEmptyAsync();
        var number = await page.Locator("[data-testid=quote-number]").InnerTextAsync();
        await page.ScreenshotAsync(screenshot + "-sheet");
        var quoteId = int.Parse(page.Url.Split('/')[^1]);

        // The price rises before the customer FAXes the quote back.
        await using (var db = OrderEntrySteps.Database(app))
            await db.Products.Where(p => p.Code == product).ExecuteUpdateAsync(s => s.SetProperty(p => p.UnitPrice,
                p => p.UnitPrice + 100));
        await page.GotoAsync($"quotes?q={number}");
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid=quote-link]");
        await page.ClickAsync("[data-testid=to-order]");

        await Assertions.Expect(page.Locator("[data-testid=from-quote]")).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("[data-testid=price-rise]")).ToContainTextAsync(product);
        await Assertions.Expect(OrderEntrySteps.Line(page, 0, "code")).ToHaveValueAsync(product);
        await Assertions.Expect(page.Locator("[data-testid=summary-total]")).Not.ToBeEmptyAsync();
        await page.ScreenshotAsync(screenshot + "-entry");
        await page.ClickAsync("[data-testid=save]");

        await page.WaitForAddressAsync(new System.Text.RegularExpressions.Regex(@"/orders/\d+$"));
        await using (var db = OrderEntrySteps.Database(app))
        {
            var orderId = await db.Quotes.Where(q => q.Id == quoteId).Select(q => q.OrderId).SingleAsync();
            Assert.Equal(page.Url.Split('/')[^1], orderId?.ToString());
        }
    }
}
