using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>The desk's FAX day in a real browser against the real app: a FAX dropped by the FAX server, claimed, keyed, done.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FaxInboxBrowserTests(ConsoleApp app, Support.Browser browser)
{
    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private SqliteSmartOfficeDbContext Database() =>
        app.BaseAddress is null ? throw new InvalidOperationException()
            : new(new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>()
                .UseSqlite($"Data Source={Path.Combine(app.DataFolder, "console.db")}").Options);

    private async Task<IPage> OpenAsync(string staff, string path, bool english = false, int width = 1366, int height = 768)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: english ? "en-US" : "ja-JP", width: width, height: height);
        if (english)
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US",
                Url = app.BaseAddress.ToString() }]);
        await page.SignInAsync(staff, DemoStaff.Password);
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }

    /// <summary>A FAX customer the number identifies (no other customer shares it), one department, no budget or locks.</summary>
    private async Task<(string Code, string FaxDigits)> SenderAsync()
    {
        await using var db = Database();
        var locked = db.OrderLocks.Select(l => l.CustomerId);
        var shared = db.Customers.GroupBy(c => c.FaxDigits).Where(g => g.Count() > 1).Select(g => g.Key);
        var used = db.FaxInboxItems.Where(f => f.SenderFax != null).Select(f => f.SenderFax);
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.IsActive && c.FaxDigits != null && !shared.Contains(c.FaxDigits) && !used.Contains(c.FaxDigits)
                && !locked.Contains(c.Id)
                        && c.Departments.Count(d => d.IsActive) == 1 && c.Departments.All(d => d.MonthlyBudget == null))
            .OrderByDescending(c => c.Id).Select(c => new { c.Code, c.FaxDigits }).FirstAsync();
        return (customer.Code, customer.FaxDigits!);
    }

    private async Task<string> ProductCodeAsync()
    {
        await using var db = Database();
        return await db.Products.AsNoTracking().Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard && p.StockOnHand > 50)
            .OrderBy(p => p.Id).Skip(7).Select(p => p.Code).FirstAsync();
    }

    [Fact]
    public async Task A_dropped_PDF_appears_for_every_agent_one_claims_it_keys_the_order_beside_it_and_it_is_done_and_linked()
    {
        var (customerCode, faxDigits) = await SenderAsync();
        var product = await ProductCodeAsync();
        var desk = await OpenAsync(DemoStaff.DeskAgent, "fax");
        var colleague = await OpenAsync(DemoStaff.DeskAgent2, "fax", english: true, width: 1920, height: 1080);

        // The FAX server drops a PDF named by its pattern: received five minutes ago on the app's clock (Japan time), from
        // the customer's number.
        var receivedAt = app.BusinessClock.Now.AddMinutes(-5);
        var name = $"{receivedAt.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}_{faxDigits}.pdf";
        await File.WriteAllBytesAsync(Path.Combine(app.FaxDropFolder, name + ".part"), FaxFiles.Pdf());
        File.Move(Path.Combine(app.FaxDropFolder, name + ".part"), Path.Combine(app.FaxDropFolder, name));

        // Both agents' queues show it without a reload, the sender matched to the customer by FAX number.
        var row = desk.Locator("[data-testid=fax-row]").Filter(new() { HasTextString = customerCode });
        await Assertions.Expect(row).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        var theirRow = colleague.Locator("[data-testid=fax-row]").Filter(new() { HasTextString = customerCode });
        await Assertions.Expect(theirRow).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        var id = int.Parse((await row.GetAttributeAsync("data-fax"))!, CultureInfo.InvariantCulture);
        await Assertions.Expect(row.Locator("[data-testid=fax-kind]")).ToHaveTextAsync("未仕分け");
        await desk.ScreenshotAsync("fax-inbox-desk");

        await row.Locator("[data-testid=fax-claim]").ClickAsync();
        await desk.WaitForAddressAsync(new Regex($"/fax/{id}$"));
        // The colleague sees who has it, at once; their claim would be refused.
        await Assertions.Expect(theirRow.Locator("[data-testid=fax-status]")).ToContainTextAsync("In progress (田中 美咲)");
        // Re-rendered by the desk agent's (Japanese) action, the colleague's queue stays in English.
        await Assertions.Expect(theirRow.Locator("[data-testid=fax-kind]")).ToHaveTextAsync("Unsorted");
        await Assertions.Expect(theirRow.Locator("[data-testid=fax-claim]")).ToHaveCountAsync(0);
        await colleague.ScreenshotAsync("fax-inbox-colleague-en-1920");

        await Assertions.Expect(desk.Locator("[data-testid=fax-sort]")).ToContainTextAsync("注文書");
        await desk.ScreenshotAsync("fax-item-sort-desk");
        // Sorted as an order form, the order entry opens beside the FAX image, customer and received-at filled in.
        await desk.Locator("[data-testid=sort-Order]").ClickAsync();
        await desk.WaitForAddressAsync(new Regex($"/orders/new\\?fax={id}$"));
        await desk.WaitForCircuitAsync();
        var image = desk.Locator("[data-testid=fax-page]");
        await Assertions.Expect(image).ToHaveCountAsync(1);
        await desk.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=fax-page]'); "
            + "return i && i.complete && i.naturalWidth > 0; }");
        await Assertions.Expect(desk.Locator("[data-testid=customer-card]")).ToContainTextAsync(customerCode);
        await Assertions.Expect(desk.Locator("[data-testid=received-time]"))
            .ToHaveValueAsync(receivedAt.ToString("HH:mm", CultureInfo.InvariantCulture));
        await Assertions.Expect(desk.Locator("[data-line=\"0\"] [data-field=code]")).ToBeFocusedAsync();
        await desk.Keyboard.TypeAsync(product);
        await desk.Keyboard.PressAsync("Enter");
        await desk.Keyboard.TypeAsync("3");
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.Locator("[data-line=\"0\"] [data-testid=line-product]")).Not.ToBeEmptyAsync();
        await desk.ScreenshotAsync("fax-order-beside-desk");
        await desk.Keyboard.PressAsync("Control+Enter");
        await desk.WaitForAddressAsync(new Regex(@"/orders/\d+$"));
        var orderNumber = await desk.Locator("[data-testid=order-number]").InnerTextAsync();

        await using (var db = Database())
        {
            var item = await db.FaxInboxItems.AsNoTracking().SingleAsync(f => f.Id == id);
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.OrderNumber == orderNumber);
            Assert.Equal((FaxStatus.Done, FaxKind.Order, order.Id), (item.Status, item.Kind, item.OrderId));
            Assert.Equal(id, order.FaxInboxItemId);
            Assert.Equal(receivedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm"),
                order.ReceivedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm"));
        }
        // The colleague's open queue lost it; the done list links the FAX to its order.
        await Assertions.Expect(theirRow).ToHaveCountAsync(0);
        await desk.GotoAsync("fax");
        await desk.WaitForCircuitAsync();
        await desk.Locator("[data-testid=fax-views] .mud-chip").Nth(2).ClickAsync();
        var done = desk.Locator($"[data-testid=fax-row][data-fax=\"{id}\"]");
        await Assertions.Expect(done.Locator("[data-testid=fax-keyed]")).ToHaveTextAsync(orderNumber);
        await desk.ScreenshotAsync("fax-inbox-done-desk");
    }

    [Fact]
    public async Task The_supervisor_sees_late_FAXes_highlighted_and_a_quarantined_file_with_its_reason_in_both_languages()
    {
        File.WriteAllBytes(Path.Combine(app.FaxDropFolder, "20261125090000_0300000000.pdf"), "%PDF-1.4 cut off"u8.ToArray());
        var page = await OpenAsync(DemoStaff.Supervisor, "fax", width: 1920, height: 1080);
        var issue = page.Locator("[data-testid=fax-intake-issue]").Filter(new() { HasTextString = "20261125090000_0300000000.pdf" });
        await Assertions.Expect(issue).ToContainTextAsync("PDFが壊れているか途中で切れています", new() { Timeout = 15_000 });
        await page.ScreenshotAsync("fax-inbox-supervisor-1920");

        var english = await OpenAsync(DemoStaff.Supervisor, "fax", english: true);
        await Assertions.Expect(english.Locator("[data-testid=fax-intake-issue]")
            .Filter(new() { HasTextString = "20261125090000_0300000000.pdf" }))
            .ToContainTextAsync("the PDF is damaged or cut short");
        await english.ScreenshotAsync("fax-inbox-supervisor-en");
        await english.Locator("[data-testid=fax-intake-issue]").Filter(new() { HasTextString = "20261125090000_0300000000.pdf" })
            .GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(english.Locator("[data-testid=fax-intake-issue]")
            .Filter(new() { HasTextString = "20261125090000_0300000000.pdf" }))
            .ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Demo_mode_fills_the_inbox_with_forms_of_each_kind_from_real_customers_drawn_with_the_embedded_font()
    {
        await using (var db = Database())
        {
            var demo = await db.FaxInboxItems.AsNoTracking().Where(f => f.Source == FaxSource.Demo).ToListAsync();
            Assert.True(demo.Count >= 10, $"{demo.Count} demo FAXes");
            Assert.All(new[] { FaxKind.Order, FaxKind.ReturnRequest, FaxKind.BalanceRequest, FaxKind.PrizeApplication, FaxKind.Other },
                kind => Assert.Contains(demo, f => f.Kind == kind));
            // Senders are real customers, matched by FAX number (the advertisement excepted).
            Assert.True(demo.Count(f => f.CustomerId != null) >= demo.Count - 1);
            var page = await db.FaxPages.AsNoTracking().FirstAsync(p => p.FaxInboxItemId == demo[0].Id);
            Assert.Equal((1240, 1754, FaxPageRenderer.PngType), (page.Width, page.Height, FaxPageRenderer.Sniff(page.Png)));

            // Everything a demo form can write has its glyph in the embedded font: customers, departments, products, prizes.
            using var font = new SkiaSharp.SKFont(SmartOffice.Domain.Demo.DemoFaxForms.Typeface);
            var texts = (await db.Customers.Select(c => c.Name).ToListAsync())
                .Concat(await db.Departments.Select(d => d.Name).ToListAsync())
                .Concat(await db.Products.Select(p => p.Name).ToListAsync()).Concat(await db.Prizes.Select(p => p.Name).ToListAsync());
            var missing = string.Concat(texts.SelectMany(t => t).Distinct().Where(c => !font.ContainsGlyphs(c.ToString())));
            Assert.True(missing.Length == 0, $"Run tools/demo-fax-font.sh: the demo FAX font lacks '{missing}'");
        }

        var desk = await OpenAsync(DemoStaff.DeskAgent, "fax", width: 1920, height: 1080);
        await Assertions.Expect(desk.Locator("[data-testid=fax-row]").First).ToBeVisibleAsync();
        await desk.ScreenshotAsync("fax-inbox-demo-1920");
        var english = await OpenAsync(DemoStaff.DeskAgent2, "fax", english: true);
        await Assertions.Expect(english.Locator("[data-testid=fax-row]").First).ToBeVisibleAsync();
        await english.ScreenshotAsync("fax-inbox-demo-en");
        // The return request sorted as such opens beside the return slip form, the customer code filled in.
        var returnRow = english.Locator("[data-testid=fax-row]").Filter(new() { HasTextString = "Return request" })
            .Filter(new() { Has = english.Locator("[data-testid=fax-claim]") }).First;
        await returnRow.Locator("[data-testid=fax-claim]").ClickAsync();
        await english.WaitForAddressAsync(new Regex(@"/returns/new\?fax=\d+$"));
        await english.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=fax-page]'); "
            + "return i && i.complete && i.naturalWidth > 0; }");
        await Assertions.Expect(english.Locator("input[data-testid=lookup-customer], [data-testid=lookup-customer] input"))
            .Not.ToHaveValueAsync("");
        await english.ScreenshotAsync("fax-return-beside-en");
    }
}
