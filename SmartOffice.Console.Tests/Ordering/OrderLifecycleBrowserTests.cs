using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// The console with demo data, its scheduler firing (so /jobs's "run now" runs) and a clock the test moves on: the evening
/// after the cutoff, the delivery day. Test host only — the production app has no way to move its clock.
/// </summary>
public sealed class LifecycleApp : AdjustableClockApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:SchedulerEnabled"] = "true" };
}

/// <summary>
/// An order's whole life in the real app and Chromium, as its people do it: the desk keys a FAX order with a line out of stock
/// (入荷待ち) and a special-order line (電話マーク); evening comes and a supervisor runs the FAX cutoff on /jobs; the warehouse
/// answers the shipping instruction with a results file; the order shows what shipped; the desk records the maker's date for the
/// special order; the stock arrives and serves the back order, which ships in the next day's batch; the delivery day comes and
/// the delivery job delivers everything; the customer's return form is keyed for a line, credited, and the points the order
/// earned are reversed (issues 19 and 20, docs/warehouse-files.md, docs/back-orders.md, docs/stock-out-and-special-orders.md).
/// Each step is a small helper.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrderLifecycleBrowserTests(LifecycleApp app, Support.Browser browser) : IClassFixture<LifecycleApp>
{
    private const string Region = "Honshu";
    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    static OrderLifecycleBrowserTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task A_FAX_order_with_a_back_order_and_a_special_order_lives_its_whole_life_and_a_line_is_returned()
    {
        var customer = await OrderEntrySteps.CustomerAsync(app, skip: 0, Region);
        var codes = await ProductCodesAsync(1);
        var shortCode = await OutOfStockProductAsync(codes);
        var specialCode = await SpecialOrderProductAsync();
        var order = await KeyFaxOrderAsync(customer, [(codes[0], "5"), (shortCode, "2"), (specialCode, "1")]);
        Assert.True(order.PointsEarned > 0, "the order earns points");
        Assert.Equal(BackOrderState.Waiting, order.Lines.Single(l => l.ProductCode == shortCode).BackOrder);

        // A FAX came in late: the supervisor holds the cutoff, evening comes, the supervisor runs it by hand.
        var cutoff = await PauseFaxCutoffAsync();
        MoveClockTo(app.BusinessClock.Today, new TimeOnly(18, 0));
        var instruction = await RunFaxCutoffAsync(cutoff, order, lines: 2);

        var slip = await DropResultsAsync(order, instruction, "1");
        await SeeImportOnWarehousePageAsync(slip.FileName);
        await SeeShipmentOnOrderPageAsync(order, slip, "ShipmentStatus.Shipped", instruction.Count);

        // The maker advises the special order's date: the standard goods' date, so both arrive together.
        var planned = Assert.Single(await DeliveryDatesAsync(order));
        await RecordAdvisedDateAsync(order, planned);

        // Stock arrives: the back order is served and ships in the next day's batch.
        var nextDay = await DropStockReceiptAsync(order, shortCode, 2);
        await PauseFaxCutoffAsync();
        MoveClockTo(nextDay, new TimeOnly(18, 0));
        var next = await RunFaxCutoffAsync(cutoff, order, lines: 1);
        Assert.Equal(shortCode, (await OrderLineAsync(order, next[0].LineNumber)).ProductCode);
        await DropResultsAsync(order, next, "2");
        await EventuallyDbAsync(async () =>
        {
            await using var db = OrderEntrySteps.Database(app);
            return await db.Shipments.Where(s => s.OrderId == order.Id).AllAsync(s => s.Status == ShipmentStatus.Shipped
                || s.Status == ShipmentStatus.Delivered);
        });

        var deliveryDay = (await DeliveryDatesAsync(order)).Max();
        MoveClockTo(deliveryDay > app.BusinessClock.Today ? deliveryDay : app.BusinessClock.Today.AddDays(1), new TimeOnly(9, 0));
        await RunDeliveryJobAsync(order, deliveryDay);

        var returned = await OrderLineAsync(order, lineNumber: 1);
        var slipNumber = await KeyAndCreditReturnAsync(order, returned.LineNumber, returned.Quantity);
        await AssertPointsReversedAsync(order, slipNumber);
    }

    // ---- the journey's steps ----

    /// <summary>Standard, returnable products in good stock, under ¥3,000.</summary>
    private async Task<List<string>> ProductCodesAsync(int count)
    {
        await using var db = OrderEntrySteps.Database(app);
        return await db.Products.AsNoTracking()
            .Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard && p.StockOnHand > 50 && p.UnitPrice > 300
                && p.UnitPrice < 3000
                        && !p.NonReturnable && !p.Category!.NonReturnable)
            .OrderBy(p => p.Id).Select(p => p.Code).Take(count).ToListAsync();
    }

    /// <summary>A standard product under ¥3,000 with no back order waiting, its stock emptied: the order's line for it waits.</summary>
    private async Task<string> OutOfStockProductAsync(IReadOnlyList<string> not)
    {
        await using var db = OrderEntrySteps.Database(app);
        var waiting = db.OrderLines.Where(l => l.BackOrder == BackOrderState.Waiting).Select(l => l.ProductId);
        var product = await db.Products.Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard && p.UnitPrice > 300
            && p.UnitPrice < 3000
                                                   && !not.Contains(p.Code) && !waiting.Contains(p.Id))
            .OrderByDescending(p => p.Id).FirstAsync();
        await db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.StockOnHand, 0));
        return product.Code;
    }

    /// <summary>The cheapest special-order product (電話マーク) in stock.</summary>
    private async Task<string> SpecialOrderProductAsync()
    {
        await using var db = OrderEntrySteps.Database(app);
        return await db.Products.AsNoTracking().Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.SpecialOrder && p.StockOnHand > 5)
            .OrderBy(p => p.UnitPrice).ThenBy(p => p.Id).Select(p => p.Code).FirstAsync();
    }

    /// <summary>The desk keys the FAX with the keyboard and saves it with Ctrl+Enter; returns the saved order.</summary>
    private async Task<Order> KeyFaxOrderAsync(DemoCustomer customer, IReadOnlyList<(string Code, string Quantity)> lines)
    {
        var page = await OpenAsync(DemoStaff.DeskAgent, "orders/new");
        await OrderEntrySteps.PickCustomerAsync(page, customer);
        // Department, ship-to, FAX date, FAX time (now), requested date (none).
        for (var i = 0; i < 5; i++)
            await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(OrderEntrySteps.Line(page, 0, "code")).ToBeFocusedAsync();
        foreach (var (code, quantity) in lines)
            await OrderEntrySteps.KeyLineAsync(page, code, quantity);
        await Assertions.Expect(page.Locator("[data-testid=line-problem]")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Control+Enter");
        await page.WaitForAddressAsync(new Regex(@"/orders/\d+$"));
        var number = await page.Locator("[data-testid=order-number]").InnerTextAsync();
        await page.ScreenshotAsync("lifecycle-1-keyed-ja");
        await page.Context.CloseAsync();

        await using var db = OrderEntrySteps.Database(app);
        return await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Shipments).AsSplitQuery().SingleAsync(o =>
            o.OrderNumber == number);
    }

    /// <summary>Moves the app's clock (not the browser's) to a Japan-time moment; sessions started before it may have idled out.</summary>
    private void MoveClockTo(DateOnly day, TimeOnly time)
    {
        var at = day.ToDateTime(time);
        var target = new DateTimeOffset(at, Japan.GetUtcOffset(at));
        var by = target - app.Clock.GetUtcNow();
        Assert.True(by > TimeSpan.Zero, $"the clock only moves forward (to {target:O})");
        app.Clock.Advance(by);
    }

    /// <summary>
    /// A supervisor pauses the customer's FAX cutoff on /jobs, so that the scheduler does not catch it up by itself the
    /// moment the clock moves past it (the scheduler fires on the app's clock). Returns the job's name.
    /// </summary>
    private async Task<string> PauseFaxCutoffAsync()
    {
        var job = $"cutoff-fax-{Region}";
        var page = await OpenAsync(DemoStaff.Supervisor, "jobs");
        var row = page.Locator("tr", new() { Has = page.Locator($"[data-job={job}]") });
        await row.Locator($"[data-testid=pause-{job}]").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("一時停止中");
        await page.Context.CloseAsync();
        return job;
    }

    /// <summary>
    /// A supervisor runs the paused FAX cutoff from /jobs ("run now") and resumes it: the batch closes, the order's shipments
    /// are instructed, and the instruction file lists the order. Returns the instruction's rows for the order.
    /// </summary>
    private async Task<IReadOnlyList<InstructionRow>> RunFaxCutoffAsync(string job, Order order, int lines)
    {
        var page = await OpenAsync(DemoStaff.Supervisor, "jobs");
        await RunNowAsync(page, job);

        var manual = page.Locator("[data-testid=runs-table] tbody tr", new() { Has = page.Locator("text=手動") });
        await EventuallyAsync(page, async () => await manual.CountAsync() > 0 && await InstructedAsync(order));
        await Assertions.Expect(manual.First).ToContainTextAsync("締め処理：FAX");
        await Assertions.Expect(manual.First.Locator("[data-outcome]")).ToHaveTextAsync("完了");
        await Assertions.Expect(page.Locator("[data-testid=batches-table]")).ToContainTextAsync($"_{job}.csv");
        var row = page.Locator("tr", new() { Has = page.Locator($"[data-job={job}]") });
        await row.Locator($"[data-testid=pause-{job}]").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("稼働中");
        await page.ScreenshotAsync($"lifecycle-2-cutoff-{lines}-ja");
        await page.Context.CloseAsync();

        var file = Path.Combine(app.DataFolder, "outbox", $"{app.BusinessClock.Today:yyyyMMdd}_{job}.csv");
        var rows = InstructionRow.Read(file).Where(r => r.OrderNumber == order.OrderNumber).ToList();
        Assert.Equal(lines, rows.Count);
        return rows;
    }

    /// <summary>The warehouse ships every line in full today and answers with a results file (written aside, then renamed in).</summary>
    private async Task<ResultsFile> DropResultsAsync(Order order, IReadOnlyList<InstructionRow> instruction, string suffix)
    {
        var today = app.BusinessClock.Today.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
        var slip = $"N{suffix}{order.OrderNumber[^5..]}";
        var tracking = $"{order.Id % 10000:0000}-5555-6666";
        var text = new StringBuilder(Warehouse.WarehouseTestData.Header + "\r\n");
        foreach (var row in instruction)
            text.Append($"{row.ShipmentNumber},{row.LineNumber},{row.Quantity},{today},{slip},ヤマト運輸,{tracking},\r\n");
        var folder = Path.Combine(app.DataFolder, "warehouse", "results");
        Directory.CreateDirectory(folder);
        var name = $"results_{order.OrderNumber}_{suffix}.csv";
        await File.WriteAllBytesAsync(Path.Combine(folder, name + ".tmp"), Encoding.GetEncoding(932).GetBytes(text.ToString()));
        File.Move(Path.Combine(folder, name + ".tmp"), Path.Combine(folder, name));
        return new ResultsFile(name, slip, tracking);
    }

    /// <summary>A supervisor sees the file among the last imports on /warehouse, in Japanese and English.</summary>
    private async Task SeeImportOnWarehousePageAsync(string fileName)
    {
        foreach (var culture in new[] { "ja-JP", "en-US" })
        {
            var page = await OpenAsync(DemoStaff.Supervisor, "warehouse", culture);
            var imports = page.Locator("[data-testid=imports]");
            await EventuallyAsync(page, async () => (await imports.InnerTextAsync()).Contains(fileName));
            await Assertions.Expect(page.Locator("[data-testid=alert]", new() { HasTextString = fileName })).ToHaveCountAsync(0);
            await page.ScreenshotAsync($"lifecycle-3-warehouse-{culture}");
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The order page shows the shipment's status, its part with slip and tracking number, in Japanese and English.</summary>
    private async Task SeeShipmentOnOrderPageAsync(Order order, ResultsFile slip, string status, int parts)
    {
        foreach (var (culture, text) in new[] { ("ja-JP", StatusJa[status]), ("en-US", StatusEn[status]) })
        {
            var page = await OpenAsync(DemoStaff.DeskAgent, $"orders/{order.Id}", culture);
            var tracking = page.Locator("[data-testid=tracking]");
            // Every shipment that left (the standard goods and the special order; the back order waits apart).
            await Assertions.Expect(tracking.Locator("[data-testid=tracking-status]")).ToHaveTextAsync([text, text]);
            await Assertions.Expect(tracking.Locator("[data-testid=tracking-part]")).ToHaveCountAsync(parts);
            await Assertions.Expect(tracking.Locator("[data-testid=part-slip]").First).ToHaveTextAsync(slip.SlipNumber);
            await Assertions.Expect(tracking).ToContainTextAsync(slip.TrackingNumber);
            await page.ScreenshotAsync($"lifecycle-4-order-{status[(status.IndexOf('.') + 1)..].ToLowerInvariant()}-{culture}");
            await page.Context.CloseAsync();
        }
    }

    private static readonly Dictionary<string, string> StatusJa = new() { ["ShipmentStatus.Shipped"] = "出荷済",
        ["ShipmentStatus.Delivered"] = "お届け済" };
    private static readonly Dictionary<string, string> StatusEn = new() { ["ShipmentStatus.Shipped"] = "Shipped",
        ["ShipmentStatus.Delivered"] = "Delivered" };

    /// <summary>The planned delivery dates the order's shipments have (a special order has none until the maker advises it).</summary>
    private async Task<List<DateOnly>> DeliveryDatesAsync(Order order)
    {
        await using var db = OrderEntrySteps.Database(app);
        var dates = await db.Shipments.AsNoTracking().Where(s => s.OrderId == order.Id
            && s.DeliveryDate != null).Select(s => s.DeliveryDate!.Value).ToListAsync();
        return dates.Distinct().ToList();
    }

    /// <summary>
    /// The desk keys the maker's date on the order page (お届け日未定 until then); it becomes the special order's planned date, and
    /// that of its shipped part, in Japanese and English.
    /// </summary>
    private async Task RecordAdvisedDateAsync(Order order, DateOnly date)
    {
        var page = await OpenAsync(DemoStaff.DeskAgent, $"orders/{order.Id}");
        var state = page.Locator("[data-testid=special-order-state]");
        await Assertions.Expect(state).ToContainTextAsync("お届け日未定");
        var field = page.Locator("[data-testid=special-order-date] input, input[data-testid=special-order-date]").First;
        await field.FillAsync(date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
        await field.PressAsync("Enter");
        await Assertions.Expect(state).ToContainTextAsync("メーカー回答", new() { Timeout = 15_000 });
        await page.ScreenshotAsync("lifecycle-4b-special-order-dated-ja");
        await page.Context.CloseAsync();
        var english = await OpenAsync(DemoStaff.DeskAgent, $"orders/{order.Id}", "en-US");
        await Assertions.Expect(english.Locator("[data-testid=special-order-state]")).ToContainTextAsync("maker's date");
        await english.ScreenshotAsync("lifecycle-4b-special-order-dated-en-US");
        await english.Context.CloseAsync();
        await using var db = OrderEntrySteps.Database(app);
        Assert.Equal(date, Assert.Single(await DeliveryDatesAsync(order)));
        Assert.All(await db.ShipmentResults.AsNoTracking().Where(r => r.OrderLine!.OrderId == order.Id).Select(r =>
            r.DeliveryDate).ToListAsync(),
            d => Assert.Equal(date, d));
    }

    /// <summary>
    /// The warehouse's stock file brings the product in (written aside, then renamed in); the watcher serves the back order onto
    /// a shipment of its own for the next acceptance day. Returns that day.
    /// </summary>
    private async Task<DateOnly> DropStockReceiptAsync(Order order, string code, int quantity)
    {
        var folder = Path.Combine(app.DataFolder, "warehouse", "stock");
        Directory.CreateDirectory(folder);
        var name = $"stock_{order.OrderNumber}.csv";
        var today = app.BusinessClock.Today.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
        var text = $"{Warehouse.WarehouseTestData.StockHeader}\r\n{code},{quantity},{today}\r\n";
        await File.WriteAllBytesAsync(Path.Combine(folder, name + ".tmp"), Encoding.GetEncoding(932).GetBytes(text));
        File.Move(Path.Combine(folder, name + ".tmp"), Path.Combine(folder, name));
        await EventuallyDbAsync(async () =>
        {
            await using var db = OrderEntrySteps.Database(app);
            return await db.OrderLines.AnyAsync(l => l.OrderId == order.Id && l.ProductCode == code && l.BackOrderServedOn != null);
        });
        await using var read = OrderEntrySteps.Database(app);
        var line = await read.OrderLines.AsNoTracking().SingleAsync(l => l.OrderId == order.Id && l.ProductCode == code);
        var shipment = await read.Shipments.AsNoTracking().SingleAsync(s => s.Id == line.ShipmentId);
        Assert.Equal((BackOrderState.None, ShipmentStatus.Open), (line.BackOrder, shipment.Status));
        Assert.True(shipment.AcceptanceDay > app.BusinessClock.Today,
            "served after the cutoff, it ships in the next acceptance day's batch");
        return shipment.AcceptanceDay;
    }

    /// <summary>
    /// On the delivery day a supervisor runs the delivery job from /jobs (or the scheduler already has); the order is
    /// delivered.
    /// </summary>
    private async Task RunDeliveryJobAsync(Order order, DateOnly latest)
    {
        var page = await OpenAsync(DemoStaff.Supervisor, "jobs");
        await RunNowAsync(page, "delivery");
        await EventuallyAsync(page, () => DeliveredAsync(order));
        await Assertions.Expect(page.Locator("[data-testid=runs-table] tbody tr",
            new() { HasTextString = "配達完了" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync("lifecycle-5-delivery-ja");
        await page.Context.CloseAsync();

        var detail = await OpenAsync(DemoStaff.DeskAgent, $"orders/{order.Id}");
        var delivered = StatusJa["ShipmentStatus.Delivered"];
        await Assertions.Expect(detail.Locator("[data-testid=tracking-status]")).ToHaveTextAsync([delivered, delivered, delivered]);
        // Each part is delivered on its planned date; the latest is the served back order's.
        await Assertions.Expect(detail.Locator("[data-testid=part-delivered-on]",
            new() { HasTextString = latest.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) }).First).ToBeVisibleAsync();
        await detail.ScreenshotAsync("lifecycle-5b-delivered-ja");
        await detail.Context.CloseAsync();
    }

    private async Task<OrderLine> OrderLineAsync(Order order, int lineNumber)
    {
        await using var db = OrderEntrySteps.Database(app);
        return await db.OrderLines.AsNoTracking().SingleAsync(l => l.OrderId == order.Id && l.LineNumber == lineNumber);
    }

    /// <summary>The desk keys the customer's return form for one line in full, then arranges pickup, inspects and credits it.</summary>
    private async Task<string> KeyAndCreditReturnAsync(Order order, int lineNumber, int quantity)
    {
        var page = await OpenAsync(DemoStaff.DeskAgent, "returns/new");
        await page.Keyboard.TypeAsync(order.OrderNumber);
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("[data-testid=order-number]")).ToContainTextAsync(order.OrderNumber);
        await page.FillAsync(Field($"qty-{lineNumber}"), quantity.ToString(CultureInfo.InvariantCulture));
        // The form says 未開封 (unopened).
        await page.Locator($"[data-testid=unopened-{lineNumber}] input, input[data-testid=unopened-{lineNumber}]").CheckAsync();
        await page.ClickAsync("[data-testid=save-slip]");
        await page.Locator("[data-testid=slip-number], [data-testid=new-error]").First.WaitForAsync();
        if (await page.Locator("[data-testid=new-error]").CountAsync() > 0)
            Assert.Fail(await page.Locator("[data-testid=new-error]").InnerTextAsync());

        await ConfirmAsync(page, "arrange", "集荷手配済にする", "集荷手配");
        await ConfirmAsync(page, "inspect", "検品済にする", "検品済");
        await ConfirmAsync(page, "credit", "返金処理する", "返金処理");
        await Assertions.Expect(page.Locator("[data-testid=points-reversed]")).ToHaveTextAsync(new Regex(@"^[1-9][0-9,]* pt"));
        await page.ScreenshotAsync("lifecycle-6-credited-ja");
        var slipNumber = await page.Locator("[data-testid=slip-number]").InnerTextAsync();
        await page.Context.CloseAsync();
        return slipNumber;
    }

    /// <summary>The credited slip took back points on the ledger, and the order page lists the return under its shipment.</summary>
    private async Task AssertPointsReversedAsync(Order order, string slipNumber)
    {
        await using var db = OrderEntrySteps.Database(app);
        var slip = await db.ReturnSlips.AsNoTracking().SingleAsync(s => s.SlipNumber == slipNumber);
        Assert.Equal(ReturnSlipStatus.Credited, slip.Status);
        Assert.True(slip.PointsReversed > 0);
        var reversed = await db.PointLedger.AsNoTracking()
            .Where(e => e.ReturnSlipId == slip.Id && e.Kind == PointEntryKind.Reversal).SumAsync(e => e.Points);
        Assert.Equal(slip.PointsReversed, Math.Abs(reversed));

        var page = await OpenAsync(DemoStaff.DeskAgent, $"orders/{order.Id}");
        await Assertions.Expect(page.Locator("[data-testid=tracking-return]")).ToContainTextAsync(slipNumber);
        await page.ScreenshotAsync("lifecycle-7-returned-ja");
    }

    // ---- page and clock helpers ----

    /// <summary>A fresh page signed in (each step after the clock moved needs its own session), in the given language.</summary>
    private async Task<IPage> OpenAsync(string staff, string path, string culture = "ja-JP")
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: culture, width: 1366, height: 768);
        await page.SignInAsync(staff, DemoStaff.Password);
        await page.GotoAsync($"culture?culture={culture}&returnUrl={Uri.EscapeDataString("/" + path)}");
        await page.WaitForCircuitAsync();
        return page;
    }

    private static async Task RunNowAsync(IPage page, string job)
    {
        await page.Locator($"[data-testid=run-{job}]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "今すぐ実行" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    private static async Task ConfirmAsync(IPage page, string testId, string button, string status)
    {
        await page.ClickAsync($"[data-testid={testId}]");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=slip-status]")).ToHaveTextAsync(status);
    }

    /// <summary>
    /// Waits until <paramref name="done"/> holds, reloading the page between looks (the pages show what was there when
    /// they loaded).
    /// </summary>
    private static async Task EventuallyAsync(IPage page, Func<Task<bool>> done)
    {
        for (var attempt = 0; !await done(); attempt++)
        {
            Assert.True(attempt < 60, "the page never showed it");
            await page.ReloadAsync();
            await page.WaitForCircuitAsync();
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds in the database (a watcher or job works on its own time).</summary>
    private static async Task EventuallyDbAsync(Func<Task<bool>> done)
    {
        for (var attempt = 0; !await done(); attempt++)
        {
            Assert.True(attempt < 120, "it never happened");
            await Task.Delay(500);
        }
    }

    private async Task<bool> InstructedAsync(Order order)
    {
        await using var db = OrderEntrySteps.Database(app);
        return !await db.Shipments.AnyAsync(s => s.OrderId == order.Id && s.Status == ShipmentStatus.Open);
    }

    private async Task<bool> DeliveredAsync(Order order)
    {
        await using var db = OrderEntrySteps.Database(app);
        return await db.Shipments.Where(s => s.OrderId == order.Id).AllAsync(s => s.Status == ShipmentStatus.Delivered);
    }

    private static string Field(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";

    private sealed record ResultsFile(string FileName, string SlipNumber, string TrackingNumber);
}

/// <summary>One row of a shipping-instruction file (出荷指示) as the warehouse reads it: every field quoted, UTF-8 with BOM.</summary>
public sealed record InstructionRow(string OrderNumber, string ShipmentNumber, int LineNumber, int Quantity)
{
    public static IEnumerable<InstructionRow> Read(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var header = Fields(lines[0]);
        int At(string name) => Array.IndexOf(header, name);
        var (order, shipment, line, quantity) = (At("注文番号"), At("出荷番号"), At("行"), At("数量"));
        foreach (var row in lines.Skip(1).Where(l => l.Length > 0).Select(Fields))
            yield return new(row[order], row[shipment], int.Parse(row[line], CultureInfo.InvariantCulture), int.Parse(row[quantity],
                CultureInfo.InvariantCulture));
    }

    /// <summary>The writer quotes every field and doubles inner quotes; the fields the warehouse keys on hold no commas.</summary>
    private static string[] Fields(string line) =>
        Regex.Matches(line, "\"((?:[^\"]|\"\")*)\"").Select(m => m.Groups[1].Value.Replace("\"\"", "\"")).ToArray();
}
