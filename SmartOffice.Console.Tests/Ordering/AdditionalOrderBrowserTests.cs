using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// 追加注文 and the points a void cannot take back, as the desk sees them in the browser (docs/text-and-order-rules.md): the
/// void says which orders of the group were re-priced and how many points stayed with the customer, the order shows that
/// shortfall, and an order whose batch has closed says why its fee stayed. Japanese and English, 1366×768.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdditionalOrderBrowserTests(ConsoleApp app, Support.Browser browser)
{
    private sealed record Pair(Order First, Order Later);

    private async Task<SmartOfficeDbContext> DatabaseAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();

    /// <summary>
    /// Keys, as the desk would, a ¥1,000-ish FAX received 20 minutes ago and then a FAX over the threshold received 30 minutes
    /// ago, for a customer no other browser test uses (<paramref name="skip"/> from the end of the list); the second save
    /// re-prices the first. <paramref name="closeLaterFirst"/> instructs the small order's shipments before the big one is keyed.
    /// </summary>
    private async Task<Pair> KeyPairAsync(int skip, bool closeLaterFirst = false)
    {
        int customerId, departmentId;
        string product;
        int price;
        await using (var db = await DatabaseAsync())
        {
            var customer = await db.Customers.AsNoTracking()
                .Where(c => c.IsActive && !c.PointsOptedOut && c.Departments.Count(d => d.IsActive) == 1
                    && c.Departments.All(d => d.MonthlyBudget == null)
                            && !db.OrderLocks.Any(l => l.CustomerId == c.Id))
                .OrderByDescending(c => c.Id).Skip(skip).Select(c => new { c.Id,
                    Department = c.Departments.First(d => d.IsActive).Id }).FirstAsync();
            (customerId, departmentId) = (customer.Id, customer.Department);
            var pick = await db.Products.AsNoTracking()
                .Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard && p.StockOnHand > 50 && p.UnitPrice >= 500
                    && p.UnitPrice < 2000)
                .OrderBy(p => p.Id).Select(p => new { p.Code, p.UnitPrice }).FirstAsync();
            (product, price) = (pick.Code, pick.UnitPrice);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var service = ActivatorUtilities.CreateInstance<FaxOrderService>(scope.ServiceProvider, (ICurrentStaff)TestStaff.DeskAgent);
        var now = app.BusinessClock.Now;
        FaxOrderDraft Draft(int minutesAgo, int quantity) =>
            new(customerId, departmentId, null, now.AddMinutes(-minutesAgo), null, [new FaxOrderDraftLine(product, quantity.ToString(),
                null)]);

        var later = await service.SaveAsync(new FaxOrderSaveRequest(Draft(20, 1), Guid.NewGuid(), DuplicateConfirmed: true));
        if (closeLaterFirst)
        {
            await using var db = await DatabaseAsync();
            await db.Shipments.Where(s => s.OrderId == later.OrderId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status,
                ShipmentStatus.Instructed));
        }
        var first = await service.SaveAsync(new FaxOrderSaveRequest(Draft(30, 2500 / price + 1), Guid.NewGuid(), DuplicateConfirmed: true));
        await using (var db = await DatabaseAsync())
        {
            return new Pair(await db.Orders.AsNoTracking().SingleAsync(o => o.Id == first.OrderId),
                await db.Orders.AsNoTracking().SingleAsync(o => o.Id == later.OrderId));
        }
    }

    /// <summary>Prize exchanges spent every point of the order's account: none of what it earned can be taken back.</summary>
    private async Task SpendPointsOfAsync(Order order)
    {
        await using var db = await DatabaseAsync();
        var account = await db.PointLots.Where(l => l.OrderId == order.Id).Select(l => l.PointAccountId).SingleAsync();
        foreach (var lot in await db.PointLots.Where(l => l.PointAccountId == account && l.Remaining > 0).ToListAsync())
        {
            db.PointLedger.Add(new PointLedgerEntry
            {
                PointAccountId = account, PointLotId = lot.Id, Kind = PointEntryKind.Spend, Points = -lot.Remaining,
                BusinessDate = app.BusinessClock.Today, RecordedAt = app.BusinessClock.Now,
            });
            lot.Remaining = 0;
        }
        await db.SaveChangesAsync();
    }

    private Task<IPage> OpenAsync(string path, bool english) =>
        browser.OpenSignedInAsync(app, DemoStaff.DeskAgent, DemoStaff.Password, path, english);

    [Theory]
    [InlineData(false, 3, "取り消す", "追加注文の送料を見直しました",
        "使用済みのため取り消せませんでした", "取り消せなかったポイント", "additional-order-void-ja")]
    [InlineData(true, 4, "Void", "Additional-order shipping re-priced", "could not be taken back", "Points not taken back",
        "additional-order-void-en")]
    public async Task Voiding_the_first_order_tells_the_desk_what_was_repriced_and_which_points_stayed(bool english, int skip,
        string voidButton,
        string repriced, string shortfall, string shortfallRow, string screenshot)
    {
        var pair = await KeyPairAsync(skip);
        Assert.Equal((0, ShippingFeeReason.FreeAdditionalOrder), (pair.Later.ShippingFee, pair.Later.ShippingFeeReason));
        await SpendPointsOfAsync(pair.First);
        var page = await OpenAsync($"orders/{pair.First.Id}", english);

        await page.FillAsync("input[data-testid=void-reason], [data-testid=void-reason] input",
            english ? "Keyed twice" : "同じFAXの二重入力");
        await page.ClickAsync("[data-testid=void]");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = voidButton }).ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar",
            new() { HasTextString = repriced })).ToContainTextAsync(pair.Later.OrderNumber);
        await Assertions.Expect(page.Locator(".mud-snackbar",
            new() { HasTextString = shortfall })).ToContainTextAsync(pair.First.PointsEarned.ToString());
        await Assertions.Expect(page.Locator("[data-testid=points-shortfall]")).ToContainTextAsync(shortfallRow);
        await page.ScreenshotAsync(screenshot);
        await using var db = await DatabaseAsync();
        Assert.Equal(300, await db.Orders.Where(o => o.Id == pair.Later.Id).Select(o => o.ShippingFee).SingleAsync());
    }

    [Theory]
    [InlineData(false, 5, "締め後のため据え置き", "additional-order-kept-ja")]
    [InlineData(true, 6, "Kept: the batch had closed", "additional-order-kept-en")]
    public async Task An_order_whose_batch_had_closed_keeps_its_fee_and_says_why(bool english, int skip, string reason, string screenshot)
    {
        var pair = await KeyPairAsync(skip, closeLaterFirst: true);

        var page = await OpenAsync($"orders/{pair.Later.Id}", english);

        var totals = page.Locator("[data-testid=detail-totals]");
        await Assertions.Expect(totals).ToContainTextAsync(reason);
        await Assertions.Expect(totals).ToContainTextAsync("300");
        await page.ScreenshotAsync(screenshot);
    }
}
