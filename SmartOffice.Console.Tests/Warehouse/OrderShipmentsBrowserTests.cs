using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.Warehouse;

/// <summary>
/// The order page in Chromium at 1366×768, Japanese and English: each shipment with its shipped parts (slip, carrier,
/// tracking number, dates) and returns; the desk corrects a part's delivery date, refused without a reason, audited with one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrderShipmentsBrowserTests(ConsoleApp app, Support.Browser browser)
{
    [Theory]
    [InlineData("ja-JP", 0, "出荷・お届け", "お届け日を訂正する理由を入れてください。")]
    [InlineData("en-US", 1, "Shipping and delivery", "Enter the reason for correcting the delivery date.")]
    public async Task The_desk_sees_each_shipped_part_and_corrects_its_delivery_date_with_a_reason(string culture, int pick, string title,
        string reasonRequired)
    {
        _ = app.BaseAddress;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
        // A demo order's delivered part on a line nothing is returned from, one per culture (the app is shared).
        var part = await db.ShipmentResults.AsNoTracking()
            .Where(r => r.DeliveredOn != null && !db.ReturnSlipLines.Any(l => l.OrderLineId == r.OrderLineId))
            .OrderByDescending(r => r.Id).Skip(pick * 7)
                .Select(r => new { r.Id, r.OrderLine!.OrderId, r.DeliverySlipNumber, r.TrackingNumber, r.ShippedOn })
            .FirstAsync();

        var page = await browser.NewPageAsync(app.BaseAddress, locale: culture, width: 1366, height: 768);
        await page.SignInAsync(DemoStaff.DeskAgent, DemoStaff.Password);
        await page.GotoAsync($"culture?culture={culture}&returnUrl=%2Forders%2F{part.OrderId}");
        await page.WaitForCircuitAsync();

        var tracking = page.Locator("[data-testid=tracking]");
        await Assertions.Expect(tracking).ToContainTextAsync(title, new() { Timeout = 15_000 });
        var row = page.Locator($"[data-testid=tracking-part][data-part='{part.Id}']");
        await Assertions.Expect(row).ToContainTextAsync(part.DeliverySlipNumber);
        await Assertions.Expect(row).ToContainTextAsync(part.TrackingNumber);
        await page.ScreenshotAsync($"order-shipments-{culture}");

        await row.Locator("[data-testid=correct-date]").ClickAsync();
        var newDate = part.ShippedOn.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
        await page.Locator("input[data-testid=new-date]").FillAsync(newDate);
        await page.Locator("[data-testid=save-date]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=date-error]")).ToContainTextAsync(reasonRequired);
        await page.ScreenshotAsync($"order-shipments-reason-required-{culture}");

        await page.Locator("input[data-testid=date-reason]").FillAsync("運送会社から配達日の連絡");
        await page.Locator("[data-testid=save-date]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=date-correction]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(row.Locator("[data-testid=part-delivered-on]")).ToContainTextAsync(newDate);

        await using var after = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
        var saved = await after.ShipmentResults.AsNoTracking().SingleAsync(r => r.Id == part.Id);
        Assert.Equal((part.ShippedOn, part.ShippedOn), (saved.DeliveryDate!.Value, saved.DeliveredOn!.Value));
        var audit = await after.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == "Warehouse.DeliveryDateCorrected" && a.EntityId == part.Id.ToString());
        Assert.Contains("運送会社から配達日の連絡", audit.Note);
    }
}
