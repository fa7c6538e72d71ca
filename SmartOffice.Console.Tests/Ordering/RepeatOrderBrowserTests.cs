using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Components;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// リピートオーダー from the order history (docs/product-enquiry-and-quotes.md): the order page's button opens the entry form with
/// the order's lines and quantities priced at today's price, the product no longer sold named and left out; the dealer rep of
/// the customer's own dealer does not see the button. Japanese and English, 1366×768.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RepeatOrderBrowserTests(ConsoleApp app, Support.Browser browser)
{
    /// <summary>The app's database, once the server (and so its demo data) has started.</summary>
    private async Task<SmartOfficeDbContext> DatabaseAsync() =>
        app.BaseAddress is null ? throw new InvalidOperationException()
            : await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();

    private sealed record Setup(int OrderId, string Repriced, int NewPrice, string Retired, string RetiredName);

    /// <summary>
    /// Two products of this test's own (no other test's prices change): an order of both for a customer of the demo dealer rep's
    /// dealer made for this test, then one's price rises and the other is no longer sold.
    /// </summary>
    private async Task<Setup> OrderAsync(int skip)
    {
        string repriced = $"RPT{skip:D4}A", retired = $"RPT{skip:D4}B", retiredName = $"リピート試験 廃番品 {skip}";
        int customerId, departmentId;
        await using (var db = await DatabaseAsync())
        {
            var dealer = await db.Users.Where(u => u.UserName == DemoStaff.DealerRep).Select(u => u.DealerId).SingleAsync();
            // A customer of this test's own: no other test's shipping or budget sees its order.
            var name = $"株式会社リピート試験{skip}";
            var department = new Department
            {
                Code = "01", Name = "総務部", PostalCode = "100-0001", Address = "東京都千代田区1-1",
                Customer = new Customer
                {
                    Code = $"RPT{skip:D5}", Name = name, NameKana = "リピートシケン", SearchKey = JapaneseInput.SearchKey(name,
                        "リピートシケン"),
                    PostalCode = "100-0001", Address = "東京都千代田区1-1", Phone = "03-5555-0051", PhoneDigits = "0355550051",
                    RegionId = await db.Regions.Select(r => r.Id).FirstAsync(), DealerId = dealer!.Value,
                },
            };
            db.Departments.Add(department);
            await db.SaveChangesAsync();
            (customerId, departmentId) = (department.CustomerId, department.Id);
            var category = await db.ProductCategories.Where(c => !c.NonReturnable).Select(c => c.Id).FirstAsync();
            db.Products.AddRange(
                new Product { Code = repriced, Name = $"リピート試験 ノート {skip}", Maker = "試験", CategoryId = category,
                    UnitPrice = 400,
                    StockOnHand = 500 },
                new Product { Code = retired, Name = retiredName, Maker = "試験", CategoryId = category, UnitPrice = 700,
                    StockOnHand = 500 });
            await db.SaveChangesAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var service = ActivatorUtilities.CreateInstance<FaxOrderService>(scope.ServiceProvider, (ICurrentStaff)TestStaff.DeskAgent);
            var saved = await service.SaveAsync(new FaxOrderSaveRequest(new FaxOrderDraft(customerId, departmentId, null,
                app.BusinessClock.Now.AddMinutes(-30), null,
                [new FaxOrderDraftLine(repriced, "3", null), new FaxOrderDraftLine(retired, "2", null)]), Guid.NewGuid(),
                    DuplicateConfirmed: true));
            await using var db = await DatabaseAsync();
            await db.Products.Where(p => p.Code == repriced).ExecuteUpdateAsync(s => s.SetProperty(p => p.UnitPrice, 450));
            await db.Products.Where(p => p.Code == retired).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false));
            return new Setup(saved.OrderId!.Value, repriced, 450, retired, retiredName);
        }
    }

    [Theory]
    [InlineData(false, 51, "repeat-order-ja")]
    [InlineData(true, 52, "repeat-order-en")]
    public async Task An_order_from_the_history_is_copied_into_a_new_order_repriced_and_without_the_product_no_longer_sold(bool english,
        int skip,
        string screenshot)
    {
        // Signed in first: the demo staff (and so the rep's dealer) exist once their sign-in works.
        var rep = await browser.OpenSignedInAsync(app, DemoStaff.DealerRep, DemoStaff.Password, "orders", english);
        var setup = await OrderAsync(skip);
        await rep.GotoAsync($"orders/{setup.OrderId}");
        await rep.WaitForCircuitAsync();
        await Assertions.Expect(rep.Locator("[data-testid=order-number]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(rep.Locator("[data-testid=repeat-order]")).ToHaveCountAsync(0);

        var page = await browser.OpenSignedInAsync(app, DemoStaff.DeskAgent, DemoStaff.Password, $"orders/{setup.OrderId}", english);
        await page.ClickAsync("[data-testid=repeat-order]");

        await page.WaitForAddressAsync(new System.Text.RegularExpressions.Regex($@"/orders/new\?repeat={setup.OrderId}$"));
        await Assertions.Expect(OrderEntrySteps.Line(page, 0, "code")).ToHaveValueAsync(setup.Repriced);
        await Assertions.Expect(OrderEntrySteps.Line(page, 0, "qty")).ToHaveValueAsync("3");
        await Assertions.Expect(OrderEntrySteps.Line(page, 1, "code")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("[data-line=\"0\"] [data-testid=line-amount]"))
            .ToHaveTextAsync(Display.Money(3 * setup.NewPrice));
        var leftOut = page.Locator("[data-testid=left-out]");
        await Assertions.Expect(leftOut).ToHaveCountAsync(1);
        await Assertions.Expect(leftOut).ToContainTextAsync(setup.Retired);
        await Assertions.Expect(leftOut).ToContainTextAsync(setup.RetiredName);
        await Assertions.Expect(page.Locator("[data-testid=summary-total]")).Not.ToBeEmptyAsync();
        await page.ScreenshotAsync(screenshot);
    }
}
