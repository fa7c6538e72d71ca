using System.Globalization;
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
/// The desk's follow-up in Chromium at 1366×768, in Japanese and English (docs/stock-out-and-special-orders.md): a FAX order with a
/// line out of stock and a special-order line shows on the dashboard's figures; from there the follow-up lists it; the desk marks
/// its stock-out notice sent (who and when shown) and records the maker's date on the order page; it leaves both lists.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FollowUpBrowserTests(ConsoleApp app, Support.Browser browser)
{
    /// <summary>
    /// A FAX order of one standard product put out of stock and the cheapest special-order product; returns id and
    /// number.
    /// </summary>
    private async Task<(int Id, string Number)> ShortAndSpecialOrderAsync()
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var waiting = db.OrderLines.Where(l => l.BackOrder == BackOrderState.Waiting).Select(l => l.ProductId);
        var scarce = await db.Products.Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard && p.UnitPrice < 3000
            && !waiting.Contains(p.Id))
            .OrderByDescending(p => p.Id).FirstAsync();
        await db.Products.Where(p => p.Id == scarce.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.StockOnHand, 0));
        var special = await db.Products.Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.SpecialOrder && p.StockOnHand > 5
            && !waiting.Contains(p.Id))
            .OrderBy(p => p.UnitPrice).FirstAsync();
        var department = await db.Departments.Where(d => d.IsActive && d.Customer!.IsActive
            && d.MonthlyBudget == null).OrderByDescending(d => d.Id).FirstAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var orders = ActivatorUtilities.CreateInstance<FaxOrderService>(scope.ServiceProvider,
            (Domain.Staff.ICurrentStaff)TestStaff.DeskAgent);
        var saved = await orders.SaveAsync(new FaxOrderSaveRequest(new FaxOrderDraft(department.CustomerId, department.Id, null,
            app.BusinessClock.Now.AddMinutes(-30),
            null, [new FaxOrderDraftLine(scarce.Code, "2", null), new FaxOrderDraftLine(special.Code, "1", null)]), Guid.NewGuid(),
            SoftBudgetConfirmed: true, DuplicateConfirmed: true));
        return (saved.OrderId!.Value, await db.Orders.Where(o => o.Id == saved.OrderId).Select(o => o.OrderNumber).SingleAsync());
    }

    [Theory]
    [InlineData("ja-JP", "送付済み", "お届け日未定", "メーカー回答")]
    [InlineData("en-US", "Sent", "not yet known", "maker's date")]
    public async Task The_dashboard_leads_to_the_follow_up_where_the_desk_sends_the_notice_and_records_the_makers_date(
        string culture, string sent, string undecided, string advised)
    {
        var (id, number) = await ShortAndSpecialOrderAsync();
        var page = await browser.NewPageAsync(app.BaseAddress, locale: culture, width: 1366, height: 768);
        await page.SignInAsync(DemoStaff.DeskAgent, DemoStaff.Password);
        await page.GotoAsync($"culture?culture={culture}&returnUrl=%2F");
        await page.WaitForCircuitAsync();
        foreach (var figure in new[] { "stock-out-notices", "back-orders", "special-orders-undated" })
            Assert.True(Count(await page.Locator($"[data-testid={figure}] .dashboard-figure").InnerTextAsync()) >= 1, figure);
        await page.ScreenshotAsync($"follow-up-dashboard-{culture}");

        // The notice figure opens its tab, oldest first: the new order is listed; its row opens the notice.
        await page.Locator("[data-testid=stock-out-notices-link]").ClickAsync();
        await page.WaitForURLAsync("**/orders/follow-up?tab=notices");
        await page.WaitForCircuitAsync();
        var notices = page.Locator("[data-testid=follow-up-notices]");
        await Assertions.Expect(notices).ToContainTextAsync(number);
        await page.ScreenshotAsync($"follow-up-notices-{culture}");
        await notices.Locator("[data-testid=follow-up-order]", new() { HasTextString = number }).ClickAsync();
        await page.WaitForURLAsync($"**/orders/{id}/stock-out");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=stock-out-mark-sent]").ClickAsync();
        var chip = page.Locator("[data-testid=stock-out-sent]");
        await Assertions.Expect(chip).ToContainTextAsync(sent);
        await Assertions.Expect(chip).ToContainTextAsync("田中");
        await page.ScreenshotAsync($"follow-up-notice-sent-{culture}");

        // The special order waits for its date on the order page; the maker's date is keyed with Enter.
        await page.GotoAsync("orders/follow-up?tab=special-orders");
        await page.WaitForCircuitAsync();
        var specials = page.Locator("[data-testid=follow-up-special-orders]");
        await Assertions.Expect(specials).ToContainTextAsync(number);
        await page.ScreenshotAsync($"follow-up-special-orders-{culture}");
        await specials.Locator("[data-testid=follow-up-order]", new() { HasTextString = number }).ClickAsync();
        await page.WaitForURLAsync($"**/orders/{id}");
        await page.WaitForCircuitAsync();
        var state = page.Locator("[data-testid=special-order-state]");
        await Assertions.Expect(state).ToContainTextAsync(undecided);
        var date = app.BusinessClock.Today.AddDays(10);
        var field = page.Locator("[data-testid=special-order-date] input, input[data-testid=special-order-date]").First;
        await field.FillAsync(date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
        await page.ScreenshotAsync($"follow-up-special-order-keyed-{culture}");
        await field.PressAsync("Enter");
        await Assertions.Expect(state).ToContainTextAsync(advised, new() { Timeout = 15_000 });
        await Assertions.Expect(state).ToContainTextAsync(date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
        await page.ScreenshotAsync($"follow-up-special-order-dated-{culture}");

        // Sent and dated: it left both lists.
        await page.GotoAsync("orders/follow-up?tab=notices");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=follow-up-tabs]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=follow-up-notices] [data-testid=follow-up-order]",
            new() { HasTextString = number })).ToHaveCountAsync(0);
        await page.GotoAsync("orders/follow-up?tab=special-orders");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=follow-up-tabs]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=follow-up-special-orders] [data-testid=follow-up-order]",
            new() { HasTextString = number })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private static int Count(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
