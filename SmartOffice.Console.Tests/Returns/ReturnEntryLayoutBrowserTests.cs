using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.Returns;

/// <summary>
/// The return form beside the FAX at 1366×768: every field of a line in view without scrolling sideways (返品理由, 未開封 and
/// 備考 hid behind a horizontal scroll, 備考 about 30 px wide).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReturnEntryLayoutBrowserTests(ConsoleApp app, Support.Browser browser)
{
    private SqliteSmartOfficeDbContext Database() => new(new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>()
        .UseSqlite($"Data Source={Path.Combine(app.DataFolder, "console.db")}").Options);

    /// <summary>A delivered order with two or more lines and no slip, of a customer whose FAX number names it alone.</summary>
    private async Task<(string OrderNumber, string CustomerCode, string FaxDigits)> DeliveredOrderAsync(int skip)
    {
        await using var db = Database();
        var from = app.BusinessClock.Today.AddDays(-60);
        var shared = db.Customers.GroupBy(c => c.FaxDigits).Where(g => g.Count() > 1).Select(g => g.Key);
        var used = db.FaxInboxItems.Where(f => f.SenderFax != null).Select(f => f.SenderFax);
        var order = await db.Orders.AsNoTracking()
            .Where(o => !db.ReturnSlips.Any(s => s.OrderId == o.Id) && o.Lines.Count >= 2
                        && o.Lines.All(l => l.DeliveredQuantity > 0 && l.Shipment!.Status == ShipmentStatus.Delivered
                            && l.Shipment.DeliveryDate >= from)
                        && o.Customer!.FaxDigits != null && !shared.Contains(o.Customer.FaxDigits) && !used.Contains(o.Customer.FaxDigits))
            .OrderByDescending(o => o.Id).Skip(skip).Select(o => new { o.OrderNumber, o.Customer!.Code,
                o.Customer.FaxDigits }).FirstAsync();
        return (order.OrderNumber, order.Code, order.FaxDigits!);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_field_of_a_line_fits_beside_the_FAX_without_scrolling_sideways(bool english)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: english ? "en-US" : "ja-JP");
        if (english)
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US",
                Url = app.BaseAddress.ToString() }]);
        await page.SignInAsync(DemoStaff.DeskAgent, DemoStaff.Password);
        var (orderNumber, customerCode, fax) = await DeliveredOrderAsync(english ? 1 : 0);
        await BesideFax.OpenAsync(page, app, fax, customerCode, "ReturnRequest");
        await page.FillAsync("input[data-testid=lookup-order-number], [data-testid=lookup-order-number] input", orderNumber);
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("[data-testid=order-number]")).ToContainTextAsync(orderNumber);

        Assert.False(await BesideFax.ScrollsSidewaysAsync(page), "the return form scrolls sideways beside the FAX");
        var width = await page.EvaluateAsync<int>("() => window.innerWidth");
        foreach (var field in new[] { "qty", "reason", "unopened", "note" })
        {
            var box = await page.Locator($"[data-testid={field}-1]").First.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X + box.Width <= width, $"{field} ends at {box.X + box.Width} px of {width}");
        }
        var note = await page.Locator("input[data-testid=note-1], [data-testid=note-1] input").First.BoundingBoxAsync();
        Assert.True(note!.Width >= 150, $"備考 is {note.Width} px wide");
        await page.ScreenshotAsync(english ? "layout-return-beside-fax-en" : "layout-return-beside-fax");
    }
}
