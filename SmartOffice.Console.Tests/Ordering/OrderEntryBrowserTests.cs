using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Ordering;

[Collection(BrowserCollection.Name)]
public sealed class OrderEntryBrowserTests(ConsoleApp app, Support.Browser browser)
{
    private Task<DemoCustomer> CustomerAsync(int skip) => OrderEntrySteps.CustomerAsync(app, skip);

    private Task<List<string>> ProductCodesAsync(int count) => OrderEntrySteps.ProductCodesAsync(app, count);

    private SqliteSmartOfficeDbContext Database() => OrderEntrySteps.Database(app);

    /// <summary>Signs in and opens a page (by default the order entry), in Japanese or English, at 1366×768.</summary>
    private async Task<IPage> OpenAsync(string staff, string path = "orders/new", bool english = false)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: english ? "en-US" : "ja-JP");
        if (english)
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US",
                Url = app.BaseAddress.ToString() }]);
        await page.SignInAsync(staff, DemoStaff.Password);
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }

    private static Task PickCustomerAsync(IPage page, DemoCustomer customer) => OrderEntrySteps.PickCustomerAsync(page, customer);

    private static ILocator Line(IPage page, int index, string field) => OrderEntrySteps.Line(page, index, field);

    private static Task KeyLineAsync(IPage page, string code, string quantity, string comment = "") => OrderEntrySteps.KeyLineAsync(page,
        code, quantity, comment);

    /// <summary>全角: "A1000001" as a Japanese IME types it, "Ａ１００００００１".</summary>
    private static string Wide(string text) => new(text.Select(c => c is >= '!' and <= '~' ? (char)(c - '!' + '！') : c).ToArray());

    [Fact]
    public async Task A_desk_agent_keys_a_ten_line_FAX_order_with_the_keyboard_only_and_finds_it_in_search()
    {
        var customer = await CustomerAsync(skip: 0);
        var codes = await ProductCodesAsync(10);
        var page = await OpenAsync(DemoStaff.DeskAgent);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        await PickCustomerAsync(page, customer);
        // Department (the only one, chosen), ship-to, FAX date, FAX time (now), requested date (none): Enter through them.
        for (var i = 0; i < 5; i++)
            await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Line(page, 0, "code")).ToBeFocusedAsync();

        // Line 1 with a full-width code, as the IME left it; the domain normalises it.
        await KeyLineAsync(page, Wide(codes[0]), "２", "総務 山田");
        var subtotal = page.Locator("[data-testid=summary-subtotal]");
        await Assertions.Expect(page.Locator("[data-line=\"0\"] [data-testid=line-product]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(subtotal).Not.ToHaveTextAsync("￥0");
        var firstSubtotal = await subtotal.InnerTextAsync();
        var firstTotal = await page.Locator("[data-testid=summary-total]").InnerTextAsync();

        for (var i = 1; i < 5; i++)
            await KeyLineAsync(page, codes[i], (i % 3 + 1).ToString());
        // Enter on the fifth (last) line's comment opened a sixth line and put the cursor in its code.
        await Assertions.Expect(Line(page, 5, "code")).ToBeFocusedAsync();
        await page.ScreenshotAsync("order-entry-typed-desk");

        // Five more lines pasted from Excel into the code cell.
        var block = string.Join("\r\n", codes.Skip(5).Select((c, i) => $"{c}\t{i + 1}\t貼付{i + 1}")) + "\r\n";
        await page.EvaluateAsync("text => navigator.clipboard.writeText(text)", block);
        await page.Keyboard.PressAsync("Control+V");
        await Assertions.Expect(Line(page, 9, "code")).ToHaveValueAsync(codes[9]);
        await Assertions.Expect(Line(page, 10, "code")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("[data-line=\"9\"] [data-testid=delivery-class]")).ToHaveTextAsync(new Regex("トラック"));
        await Assertions.Expect(page.Locator("[data-testid=line-problem]")).ToHaveCountAsync(0);
        await Assertions.Expect(subtotal).Not.ToHaveTextAsync(firstSubtotal);
        await Assertions.Expect(page.Locator("[data-testid=summary-total]")).Not.ToHaveTextAsync(firstTotal);
        await Assertions.Expect(page.Locator("[data-testid=summary-shipments] tbody tr")).ToHaveCountAsync(2);
        await page.ScreenshotAsync("order-entry-ten-lines-desk");

        await page.Keyboard.PressAsync("Control+Enter");
        await page.WaitForAddressAsync(new Regex(@"/orders/\d+$"));
        var number = await page.Locator("[data-testid=order-number]").InnerTextAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("[data-testid=detail-line]")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("[data-testid=detail-lines]")).ToContainTextAsync("総務 山田");
        await Assertions.Expect(page.Locator("[data-testid=detail-customer]")).ToContainTextAsync(customer.Code);
        await page.ScreenshotAsync("order-detail-desk");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync("order-detail-print-desk");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync("orders");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=search-number]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(number);
        await page.Keyboard.PressAsync("Enter");
        var rows = page.Locator("[data-testid=orders] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First.Locator("[data-testid=order-link]")).ToHaveTextAsync(number);
        await page.ScreenshotAsync("order-search-desk");
    }

    [Fact]
    public async Task An_unknown_code_is_refused_on_the_line_and_nothing_is_saved()
    {
        var customer = await CustomerAsync(skip: 1);
        var before = await OrderCountAsync(customer.Id);
        var page = await OpenAsync(DemoStaff.DeskAgent2);
        await PickCustomerAsync(page, customer);
        await Line(page, 0, "code").FocusAsync();
        await KeyLineAsync(page, "ZZ9999999", "1");

        await Assertions.Expect(page.Locator("[data-testid=line-problem]")).ToContainTextAsync("1行目");
        await Assertions.Expect(page.Locator("[data-testid=summary-problems]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("[data-testid=save-error]")).ToContainTextAsync("1行目");
        await page.ScreenshotAsync("order-entry-refused-desk");
        Assert.EndsWith("/orders/new", page.Url);
        Assert.Equal(before, await OrderCountAsync(customer.Id));
    }

    /// <summary>
    /// A few of the bad-input corpus through the page (the rest is in Staff/BadInputCorpusTests): the line shows the
    /// domain's message.
    /// </summary>
    [Theory]
    [InlineData(5, "－５", "Ordering.QuantityNotPositive")]
    [InlineData(6, "１２ａ", "Ordering.QuantityNotNumber")]
    [InlineData(7, "<script>alert('x')</script>", "Ordering.UnknownProduct")]
    public async Task Hostile_input_shows_the_message_on_its_line_and_saves_nothing(int skip, string typed, string key)
    {
        var customer = await CustomerAsync(skip);
        var before = await OrderCountAsync(customer.Id);
        var product = (await ProductCodesAsync(2))[0];
        var page = await OpenAsync(DemoStaff.DeskAgent2);
        var dialogs = 0;
        page.Dialog += (_, _) => dialogs++;
        await PickCustomerAsync(page, customer);
        await Line(page, 0, "code").FocusAsync();
        if (key == "Ordering.UnknownProduct")
            await KeyLineAsync(page, typed, "1");
        else
            await KeyLineAsync(page, product, typed);

        var expected = key == "Ordering.UnknownProduct"
            ? DomainText.Format(key, 1, typed.ToUpperInvariant())
            : DomainText.Format(key, 1, typed.Normalize(System.Text.NormalizationForm.FormKC));
        await Assertions.Expect(page.Locator("[data-testid=line-problem]")).ToContainTextAsync(expected);
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("[data-testid=save-error]")).ToContainTextAsync("1行目");
        await page.ScreenshotAsync($"order-entry-hostile-{skip}");
        // Shown as text, never run as script.
        Assert.Equal(0, dialogs);
        Assert.Equal(before, await OrderCountAsync(customer.Id));
    }

    private async Task<int> OrderCountAsync(int customerId)
    {
        await using var db = Database();
        return await db.Orders.CountAsync(o => o.CustomerId == customerId);
    }

    [Fact]
    public async Task A_short_line_gets_its_stock_out_notice_and_the_next_order_keeps_the_customer()
    {
        var customer = await CustomerAsync(skip: 3);
        await using (var db = Database())
        {
            var scarce = await db.Products.AsNoTracking()
                .Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard && p.StockOnHand > 0 && p.StockOnHand < 20)
                .OrderBy(p => p.Id).Select(p => new { p.Code, p.StockOnHand }).FirstAsync();
            var page = await OpenAsync(DemoStaff.DeskAgent2);
            await PickCustomerAsync(page, customer);
            await Line(page, 0, "code").FocusAsync();
            await KeyLineAsync(page, scarce.Code.ToLowerInvariant(), (scarce.StockOnHand + 5).ToString(), "至急");
            await Assertions.Expect(page.Locator("[data-line=\"0\"] [data-testid=line-stock]")).ToContainTextAsync("在庫不足");
            await page.Keyboard.PressAsync("Control+Enter");
            await page.WaitForAddressAsync(new Regex(@"/orders/\d+$"));
            await Assertions.Expect(page.Locator("[data-testid=stock-out]")).ToBeVisibleAsync();

            await page.Keyboard.PressAsync("Alt+O");
            await page.WaitForAddressAsync(new Regex(@"/orders/\d+/stock-out$"));
            var sheet = page.Locator("[data-testid=stock-out-sheet]");
            await Assertions.Expect(sheet).ToContainTextAsync("品切れのお知らせ");
            await Assertions.Expect(sheet).ToContainTextAsync(customer.Fax);
            await Assertions.Expect(sheet).ToContainTextAsync("0120-956-707");
            await Assertions.Expect(page.Locator("[data-testid=stock-out-lines] tbody tr")).ToHaveCountAsync(1);
            await page.ScreenshotAsync("order-stock-out-desk");
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await page.ScreenshotAsync("order-stock-out-print-desk");
            await page.EmulateMediaAsync(new() { Media = Media.Screen });

            await page.GoBackAsync();
            await page.WaitForCircuitAsync();
            await Assertions.Expect(page.Locator("[data-testid=order-number]")).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Alt+N");
            await Assertions.Expect(page.Locator("[data-testid=customer-card]")).ToContainTextAsync(customer.Code);
            await Assertions.Expect(Line(page, 0, "code")).ToBeFocusedAsync();
            await Assertions.Expect(Line(page, 0, "code")).ToHaveValueAsync("");
        }
    }

    [Fact]
    public async Task An_order_keyed_wrongly_is_corrected_then_voided_with_a_reason_while_its_batch_is_open()
    {
        var customer = await CustomerAsync(skip: 4);
        var codes = await ProductCodesAsync(3);
        var page = await OpenAsync(DemoStaff.DeskAgent);
        await PickCustomerAsync(page, customer);
        await Line(page, 0, "code").FocusAsync();
        await KeyLineAsync(page, codes[0], "1");
        await KeyLineAsync(page, codes[1], "1");
        await Assertions.Expect(page.Locator("[data-line=\"1\"] [data-testid=line-amount]")).Not.ToBeEmptyAsync();
        await page.Keyboard.PressAsync("Control+Enter");
        await page.WaitForAddressAsync(new Regex(@"/orders/\d+$"));
        var total = await page.Locator("[data-testid=detail-total]").InnerTextAsync();

        await page.ClickAsync("[data-testid=correct]");
        await Assertions.Expect(Line(page, 1, "qty")).ToHaveValueAsync("1");
        await Line(page, 1, "qty").FillAsync("４");
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("[data-testid=save-error]")).ToContainTextAsync("理由");
        await Assertions.Expect(page.Locator("[data-testid=correction-reason]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("数量の読み違い");
        await page.ScreenshotAsync("order-correct-desk");
        await page.Keyboard.PressAsync("Control+Enter");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "訂正を確定" }).ClickAsync();
        await page.WaitForAddressAsync(new Regex(@"/orders/\d+$"));
        await Assertions.Expect(page.Locator("[data-testid=detail-line]").Nth(1).Locator("td").Nth(3)).ToHaveTextAsync("4");
        await Assertions.Expect(page.Locator("[data-testid=detail-total]")).Not.ToHaveTextAsync(total);

        await page.ClickAsync("[data-testid=void]");
        await Assertions.Expect(page.Locator("[data-testid=void-error]")).ToContainTextAsync("理由");
        await page.FillAsync("input[data-testid=void-reason], [data-testid=void-reason] input", "同じFAXの二重入力");
        await page.ClickAsync("[data-testid=void]");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "取り消す" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=order-status]")).ToHaveTextAsync("取消");
        await Assertions.Expect(page.Locator("[data-testid=voided]")).ToContainTextAsync("同じFAXの二重入力");
        await page.ScreenshotAsync("order-voided-desk");
    }

    [Fact]
    public async Task A_dealer_rep_reads_own_customers_orders_without_entry_or_correction()
    {
        var page = await OpenAsync(DemoStaff.DealerRep, "orders");
        await Assertions.Expect(page.Locator("[data-testid=new-order]")).ToHaveCountAsync(0);
        var first = page.Locator("[data-testid=orders] tbody tr").First.Locator("[data-testid=order-link]");
        var number = await first.InnerTextAsync();
        await page.ScreenshotAsync("order-search-dealer");
        await first.ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=order-number]")).ToHaveTextAsync(number);
        await Assertions.Expect(page.Locator("[data-testid=same-customer]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=void-panel]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("order-detail-dealer");
    }

    [Fact]
    public async Task A_dealer_rep_cannot_open_order_entry()
    {
        var page = await OpenAsync(DemoStaff.DealerRep);

        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=customer-search]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "FAX注文入力" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Order_entry_reads_in_English()
    {
        var customer = await CustomerAsync(skip: 2);
        var codes = await ProductCodesAsync(3);
        var page = await OpenAsync(DemoStaff.Supervisor, english: true);

        await Assertions.Expect(page.Locator("h5").First).ToHaveTextAsync("FAX order entry");
        await PickCustomerAsync(page, customer);
        await Line(page, 0, "code").FocusAsync();
        await KeyLineAsync(page, codes[0], "3");
        await KeyLineAsync(page, codes[2], "1");
        await Assertions.Expect(page.Locator("[data-testid=summary]")).ToContainTextAsync("Total (incl. tax)");
        await Assertions.Expect(page.Locator("[data-line=\"1\"] [data-testid=delivery-class]")).ToHaveTextAsync(new Regex("Truck"));
        await Assertions.Expect(page.Locator("[data-testid=keys]")).ToContainTextAsync("save");
        await page.ScreenshotAsync("order-entry-supervisor-en");

        await page.Keyboard.PressAsync("Control+Enter");
        await page.WaitForAddressAsync(new Regex(@"/orders/\d+$"));
        await Assertions.Expect(page.Locator("[data-testid=detail-totals]")).ToContainTextAsync("Total (incl. tax)");
        await page.ScreenshotAsync("order-detail-supervisor-en");
        await page.GotoAsync("orders");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=orders] thead")).ToContainTextAsync("Received");
        await Assertions.Expect(page.Locator("[data-testid=orders] [data-testid=order-link]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("order-search-supervisor-en");
    }
}
