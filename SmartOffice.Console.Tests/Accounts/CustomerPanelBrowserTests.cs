using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>
/// お客様の概要 on order entry (docs/product-enquiry-and-quotes.md): a closed bar once the customer is picked, opened on request
/// with the dealer, the open order just keyed (a link to it) and the customer's departments. Japanese and English, 1366×768.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomerPanelBrowserTests(ConsoleApp app, Support.Browser browser)
{
    [Theory]
    [InlineData(false, 61, "customer-panel-ja")]
    [InlineData(true, 62, "customer-panel-en")]
    public async Task The_panel_on_order_entry_opens_on_request_with_the_customers_dealer_and_open_order(bool english, int skip,
        string screenshot)
    {
        var customer = await OrderEntrySteps.CustomerAsync(app, skip);
        var product = (await OrderEntrySteps.ProductCodesAsync(app, 2))[0];
        string orderNumber, dealer;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
            await using var _ = db;
            var department = await db.Departments.Where(d => d.CustomerId == customer.Id && d.IsActive).Select(d => d.Id).FirstAsync();
            dealer = await db.Customers.Where(c => c.Id == customer.Id).Select(c => c.Dealer!.Name).SingleAsync();
            var service = ActivatorUtilities.CreateInstance<FaxOrderService>(scope.ServiceProvider, (ICurrentStaff)TestStaff.DeskAgent);
            var saved = await service.SaveAsync(new FaxOrderSaveRequest(new FaxOrderDraft(customer.Id, department, null,
                app.BusinessClock.Now.AddMinutes(-10), null,
                [new FaxOrderDraftLine(product, "1", null)]), Guid.NewGuid(), DuplicateConfirmed: true));
            orderNumber = saved.OrderNumber!;
        }

        var page = await browser.OpenSignedInAsync(app, DemoStaff.DeskAgent, DemoStaff.Password, "orders/new", english);
        await Assertions.Expect(page.Locator("[data-testid=customer-panel]")).ToHaveCountAsync(0);
        await OrderEntrySteps.PickCustomerAsync(page, customer);

        // Closed until asked for: picking a customer reads nothing more.
        await Assertions.Expect(page.Locator("[data-testid=customer-panel-toggle]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=customer-panel-body]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=customer-panel-toggle]");

        var body = page.Locator("[data-testid=customer-panel-body]");
        await Assertions.Expect(body.Locator("[data-testid=panel-dealer]")).ToContainTextAsync(dealer);
        var order = body.Locator("[data-testid=panel-orders] a", new() { HasTextString = orderNumber });
        await Assertions.Expect(order).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"orders/\d+$"));
        await Assertions.Expect(body.Locator("[data-testid=panel-departments] a")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(body.Locator("[data-testid=panel-faxes]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(screenshot);

        await page.ClickAsync("[data-testid=customer-panel-toggle]");
        await Assertions.Expect(body).ToHaveCountAsync(0);
    }
}
