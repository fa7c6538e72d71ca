using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Warehouse;

/// <summary>
/// The stock page and the order page's back orders in Chromium at 1366×768, in Japanese and English: two FAX orders of a product
/// out of stock wait; a supervisor keys a receipt that serves the older one, which leaves the list; the younger one is
/// cancelled on its order page with a reason.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StockPageBrowserTests(ConsoleApp app, Support.Browser browser)
{
    /// <summary>A standard product with no stock and two orders of it waiting, the older for 3 and the younger for 2.</summary>
    private async Task<(string Code, int Older, int Younger, string OlderNumber)> BackOrdersAsync()
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var waiting = db.OrderLines.Where(l => l.BackOrder == BackOrderState.Waiting).Select(l => l.ProductId);
        var product = await db.Products.Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard && !waiting.Contains(p.Id))
            .OrderBy(p => p.Id).FirstAsync();
        await db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.StockOnHand, 0));
        var department = await db.Departments.Where(d => d.IsActive && d.Customer!.IsActive && d.MonthlyBudget == null).OrderBy(d => d.Id)
            .FirstAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var orders = ActivatorUtilities.CreateInstance<FaxOrderService>(scope.ServiceProvider,
            (Domain.Staff.ICurrentStaff)TestStaff.DeskAgent);
        async Task<int> SaveAsync(int quantity, int minutesAgo) =>
            (await orders.SaveAsync(new FaxOrderSaveRequest(new FaxOrderDraft(department.CustomerId,
            department.Id, null, app.BusinessClock.Now.AddMinutes(-minutesAgo), null,
                [new FaxOrderDraftLine(product.Code, quantity.ToString(), null)]),
            Guid.NewGuid(), SoftBudgetConfirmed: true, DuplicateConfirmed: true))).OrderId!.Value;
        var older = await SaveAsync(3, 30);
        var younger = await SaveAsync(2, 20);
        var number = await db.Orders.Where(o => o.Id == older).Select(o => o.OrderNumber).SingleAsync();
        return (product.Code, older, younger, number);
    }

    [Theory]
    [InlineData("ja-JP", "入荷済", "取消: お客様のご依頼")]
    [InlineData("en-US", "Served", "Cancelled: お客様のご依頼")]
    public async Task A_receipt_keyed_on_the_stock_page_serves_the_oldest_and_the_desk_cancels_the_other(string culture, string served,
        string cancelled)
    {
        var (code, older, younger, olderNumber) = await BackOrdersAsync();
        var page = await browser.NewPageAsync(app.BaseAddress, locale: culture, width: 1366, height: 768);
        await page.SignInAsync(DemoStaff.Supervisor, DemoStaff.Password);
        await page.GotoAsync($"culture?culture={culture}&returnUrl=%2Fwarehouse%2Fstock");
        await page.WaitForCircuitAsync();
        var waiting = page.Locator("[data-testid=stock-waiting]");
        await Assertions.Expect(waiting).ToContainTextAsync(olderNumber, new() { Timeout = 15_000 });
        await page.ScreenshotAsync($"stock-waiting-{culture}");

        await page.Locator("[data-testid=stock-code] input, input[data-testid=stock-code]").First.FillAsync(code);
        await page.Locator("[data-testid=stock-quantity] input, input[data-testid=stock-quantity]").First.FillAsync("3");
        await page.Locator("[data-testid=stock-quantity] input, input[data-testid=stock-quantity]").First.PressAsync("Enter");

        await Assertions.Expect(page.Locator("[data-testid=stock-receipts]")).ToContainTextAsync(code, new() { Timeout = 15_000 });
        await Assertions.Expect(waiting).Not.ToContainTextAsync(olderNumber);
        await page.ScreenshotAsync($"stock-keyed-{culture}");

        await page.GotoAsync($"orders/{older}");
        await Assertions.Expect(page.Locator("[data-testid=back-order-state]")).ToContainTextAsync(served, new() { Timeout = 15_000 });
        await page.ScreenshotAsync($"order-back-order-served-{culture}");

        await page.GotoAsync($"orders/{younger}");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=back-order-cancel]").ClickAsync();
        await page.Locator("[data-testid=back-order-reason] input, input[data-testid=back-order-reason]").First.FillAsync("お客様のご依頼");
        await page.ScreenshotAsync($"order-back-order-cancelling-{culture}");
        await page.Locator("[data-testid=back-order-cancel-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=back-order-state]")).ToContainTextAsync(cancelled, new() { Timeout = 15_000 });
        await page.ScreenshotAsync($"order-back-order-cancelled-{culture}");
    }
}
