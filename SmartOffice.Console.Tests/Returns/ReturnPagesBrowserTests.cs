using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Returns;

namespace SmartOffice.Console.Tests.Returns;

/// <summary>The desk keys a faxed return for two lines of a delivered demo order and walks it to credited; the notice prints.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReturnPagesBrowserTests(ConsoleApp app, Support.Browser browser)
{
    private SqliteSmartOfficeDbContext Database() => new(new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>()
        .UseSqlite($"Data Source={Path.Combine(app.DataFolder, "console.db")}").Options);

    /// <summary>A delivered demo order, well inside the 90 days, with two returnable lines no slip touches yet.</summary>
    private async Task<(string OrderNumber, int[] LineNumbers)> DeliveredOrderAsync()
    {
        await using var db = Database();
        var today = app.BusinessClock.Today;
        var from = today.AddDays(-60);
        var taken = db.ReturnSlipLines.Select(l => l.OrderLineId);
        var lines = await db.OrderLines.AsNoTracking()
            .Where(l => l.DeliveredQuantity > 0 && !l.Product!.NonReturnable && !l.Product.Category!.NonReturnable
                        && l.Shipment!.Status == ShipmentStatus.Delivered && l.Shipment.DeliveryDate >= from
                            && l.Shipment.DeliveryDate < today
                        && !taken.Contains(l.Id) && !db.ReturnSlips.Any(s => s.OrderId == l.OrderId))
            .Select(l => new { l.OrderId, OrderNumber = db.Orders.Where(o => o.Id == l.OrderId).Select(o => o.OrderNumber).First(),
                l.LineNumber }).ToListAsync();
        var order = lines.GroupBy(l => l.OrderId).Where(g => g.Count() >= 2).OrderBy(g => g.Key).First();
        return (order.First().OrderNumber, order.Select(l => l.LineNumber).Order().Take(2).ToArray());
    }

    private async Task<IPage> OpenAsync(string path, bool english = false)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: english ? "en-US" : "ja-JP");
        if (english)
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US",
                Url = app.BaseAddress.ToString() }]);
        await page.SignInAsync(DemoStaff.DeskAgent, DemoStaff.Password);
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }

    private static async Task ConfirmAsync(IPage page, string testId, string button)
    {
        await page.ClickAsync($"[data-testid={testId}]");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_desk_agent_keys_a_return_for_two_lines_and_moves_it_to_credited()
    {
        // Signing in starts the app, which creates and fills the demo database.
        var page = await OpenAsync("returns/new");
        var (orderNumber, lineNumbers) = await DeliveredOrderAsync();
        await Assertions.Expect(page.Locator(Field("lookup-order-number"))).ToBeFocusedAsync();

        // Keyboard only: the order number, Ctrl+Enter finds it; one hit opens the lines.
        await page.Keyboard.TypeAsync(orderNumber.ToLowerInvariant());
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("[data-testid=order-number]")).ToContainTextAsync(orderNumber);
        // The form's header is prefilled from the order and the FAX's arrival: work starts at the first line's quantity.
        await Assertions.Expect(page.Locator(Field($"qty-{(await FirstLineAsync(orderNumber))}"))).ToBeFocusedAsync();
        foreach (var line in lineNumbers)
        {
            await page.FillAsync(Field($"qty-{line}"), "１");
            await page.Keyboard.PressAsync("Tab");
            // 未開封 starts unset: Space ticks it as the form says, the documented Enter then moves on and keeps the tick.
            var box = page.Locator($"[data-testid=unopened-{line}] input, input[data-testid=unopened-{line}]");
            await Assertions.Expect(box).Not.ToBeCheckedAsync();
            await box.FocusAsync();
            // Ticked, then unticked (the form said opened after all): Enter moves on and the box stays as the agent left it.
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(box).ToBeCheckedAsync();
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(box).Not.ToBeCheckedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator(Field($"note-{line}"))).ToBeFocusedAsync();
            await Assertions.Expect(box).Not.ToBeCheckedAsync();
            // Back with Shift+Enter, ticked, on with Enter: ticked.
            await page.Keyboard.PressAsync("Shift+Enter");
            await Assertions.Expect(box).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Space");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(box).ToBeCheckedAsync();
        }
        await page.ScreenshotAsync("returns-new-desk");
        await page.ClickAsync("[data-testid=save-slip]");
        await page.Locator("[data-testid=slip-number], [data-testid=new-error]").First.WaitForAsync();
        if (await page.Locator("[data-testid=new-error]").CountAsync() > 0)
            Assert.Fail(await page.Locator("[data-testid=new-error]").InnerTextAsync());

        await Assertions.Expect(page.Locator("[data-testid=slip-number]"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^R[0-9]{11}$"));
        await Assertions.Expect(page.Locator("[data-testid=slip-lines] tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=slip-status]")).ToHaveTextAsync("受付");
        await ConfirmAsync(page, "arrange", "集荷手配済にする");
        await Assertions.Expect(page.Locator("[data-testid=slip-status]")).ToHaveTextAsync("集荷手配");
        await ConfirmAsync(page, "inspect", "検品済にする");
        await Assertions.Expect(page.Locator("[data-testid=slip-status]")).ToHaveTextAsync("検品済");
        await page.ClickAsync("[data-testid=credit]");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("取り消せません");
        await page.ScreenshotAsync("returns-credit-confirm-desk");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "返金処理する" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=slip-status]")).ToHaveTextAsync("返金処理");
        await Assertions.Expect(page.Locator("[data-testid=history]")).ToContainTextAsync("田中 美咲");
        await page.ScreenshotAsync("returns-credited-desk");

        var slipNumber = await page.Locator("[data-testid=slip-number]").InnerTextAsync();
        await using (var db = Database())
        {
            var slip = await db.ReturnSlips.Include(s => s.Lines).SingleAsync(s => s.SlipNumber == slipNumber);
            Assert.Equal(ReturnSlipStatus.Credited, slip.Status);
            Assert.Equal(2, slip.Lines.Count(l => l.Inspection == InspectionResult.Accepted));
            Assert.True(slip.CreditAmount > 0);
            await Assertions.Expect(page.Locator("[data-testid=credit-amount]")).ToHaveTextAsync(slip.CreditAmount.ToString("C0",
                System.Globalization.CultureInfo.GetCultureInfo("ja-JP")));
        }

        await page.ClickAsync("[data-testid=notice-link]");
        await Assertions.Expect(page.Locator("[data-testid=notice-title]")).ToHaveTextAsync("返品受付のお知らせ");
        await Assertions.Expect(page.Locator("[data-testid=return-notice]")).ToContainTextAsync("0120-956-808");
        await Assertions.Expect(page.Locator("[data-testid=return-notice]")).ToContainTextAsync("返品期限はお届け日から90日です。");
        var noticePath = new Uri(page.Url).PathAndQuery.TrimStart('/');
        await page.ScreenshotAsync("returns-notice-desk");

        await page.GotoAsync("returns");
        await page.WaitForCircuitAsync();
        await page.FillAsync(Field("text-filter"), slipNumber);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=slip-link]", new() { HasTextString = slipNumber }))
            .ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await page.ScreenshotAsync("returns-list-desk");

        var english = await OpenAsync("returns", english: true);
        await Assertions.Expect(english.Locator("h5").First).ToHaveTextAsync("Return slips");
        await english.ScreenshotAsync("returns-list-desk-en");
        // The notice goes to the customer: Japanese whatever the agent's language; only the buttons around it are English.
        await english.GotoAsync(noticePath);
        await english.WaitForCircuitAsync();
        await Assertions.Expect(english.Locator("[data-testid=notice-title]")).ToHaveTextAsync("返品受付のお知らせ");
        await Assertions.Expect(english.Locator("[data-testid=return-notice]")).ToContainTextAsync("ご返金(お客様への減額)");
        await Assertions.Expect(english.Locator("[data-testid=print]")).ToHaveTextAsync("Print");
        await english.ScreenshotAsync("returns-notice-desk-en");
        await english.GotoAsync("returns/new");
        await english.WaitForCircuitAsync();
        await english.Keyboard.TypeAsync(orderNumber);
        await english.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(english.Locator("[data-testid=order-number]")).ToContainTextAsync(orderNumber);
        await english.ScreenshotAsync("returns-new-desk-en");
    }

    private async Task<int> FirstLineAsync(string orderNumber)
    {
        await using var db = Database();
        return await db.OrderLines.Where(l => db.Orders.Any(o => o.Id == l.OrderId && o.OrderNumber == orderNumber))
            .MinAsync(l => l.LineNumber);
    }

    private static string Field(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";
}
