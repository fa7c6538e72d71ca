using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Staff;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Staff;
using Xunit.Abstractions;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// A desk agent keys a 30-line FAX order in Chromium on the built console (a process of its own) and presses save; the
/// process is SIGKILLed while the save runs — the moment it logs a statement of the save's transaction, or once the page
/// shows the saved order — and started again on the same file. The order is then there whole (lines, shipment, stock
/// reserved, point lot and ledger entry, audit entry, entry key) or not at all (every table as before the save), never
/// in part; saved again (the same entry key when it was saved — a restarted server has lost the page's form, and a
/// reload issues a new key) it exists exactly once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KilledOrderSaveTests(Support.Browser browser, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Agent = "kill-desk", Password = "kill-desk-pass-1";
    private const int LineCount = 30;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>The console logs each statement as it has executed it: the moments below are lines of that log.</summary>
    private static readonly Dictionary<string, string> StatementLog = new()
    {
        ["Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
    };

    /// <summary>Where each run's SIGKILL lands, in save order; null = once the page shows the saved order.</summary>
    private static readonly (string Name, Func<Func<string, bool>>? Statement)[] Moments =
    [
        ("order row inserted", Statement("INSERT INTO \"Orders\"", 1)),
        ("half the lines' stock reserved", Statement("UPDATE \"Products\"", LineCount / 2)),
        ("saved order shown", null),
    ];

    private readonly TestDatabase _database = new(DateTimeOffset.UtcNow);
    private readonly List<(Department Department, string Code)> _customers = [];

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using (var db = _database.CreateDbContext())
        {
            var category = new ProductCategory { Code = "NOTES", Name = "ノート" };
            db.Products.AddRange(Enumerable.Range(1, LineCount).Select(i => new Product
            {
                Code = ProductCode(i), Name = $"キャンパスノート {i}冊", Maker = "テストメーカー", Category = category,
                    UnitPrice = 100 + i,
                    StockOnHand = 500,
            }));
            await db.SaveChangesAsync();
        }
        for (var i = 0; i < Moments.Length; i++)
        {
            var code = $"3000000{i}";
            _customers.Add((await _database.AddCustomerAsync("D1", code), code));
        }
        await _database.AddStaffAsync(Agent, Password, StaffRoles.DeskAgent, "強制 終了");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_order_save_killed_mid_flight_is_there_whole_or_not_at_all_after_a_restart_and_saved_again_exists_once()
    {
        var runs = new List<KilledSave>();
        var app = ConsoleProcess.StartServer(_database.Folder, _database.File, environment: StatementLog);
        IPage? page = null;
        try
        {
            var address = await app.ListeningAsync(Patience);
            // Signed in once: the cookie holds for every start of the console (its keys are in the database) and any port.
            page = await browser.NewPageAsync(address);
            await page.SignInAsync(Agent, Password);
            await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
            for (var i = 0; i < Moments.Length; i++)
            {
                var (name, statement) = Moments[i];
                var (department, code) = _customers[i];
                await page.GotoAsync(new Uri(address, "orders/new").ToString());
                await page.WaitForCircuitAsync();
                var draft = await KeyOrderAsync(page, department, code);
                var before = await DatabaseSnapshot.TakeAsync(_database);
                var stock = await StockAsync();

                var killedOn = statement is null ? null : app.KillOnLine(statement());
                await page.ClickAsync("[data-testid=save]");
                if (killedOn is null)
                {
                    await page.WaitForAddressAsync(new Regex(@"/orders/\d+$"));
                    app.Kill();
                }
                else
                    await killedOn.WaitAsync(Patience);
                await app.WaitAsync(Patience);
                app.Dispose();

                // The restart on the same file: migrations and start-up run over whatever the kill left.
                app = ConsoleProcess.StartServer(_database.Folder, _database.File, environment: StatementLog);
                address = await app.ListeningAsync(Patience);
                runs.Add(await OutcomeAsync(name, department, draft, before, stock));
                var outcome = runs[^1].Order is { } saved ? $"{saved.OrderNumber} there whole" : "nothing of it there";
                output.WriteLine($"killed at '{name}': {outcome}");
            }

            // At least one SIGKILL landed inside the transaction: the console had logged a statement of it, and nothing of it is left.
            Assert.Contains(runs, r => r.Order is null);
            // An order the page showed as saved survives the kill.
            Assert.NotNull(runs[^1].Order);
            await SaveAgainAsync(runs);
        }
        finally
        {
            app.Dispose();
            if (page is not null)
                await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// Customer by code, Enter through the header (FAX received now), the lines pasted from Excel; returns the form as
    /// a draft.
    /// </summary>
    private async Task<FaxOrderDraft> KeyOrderAsync(IPage page, Department department, string code)
    {
        await Assertions.Expect(page.Locator("[data-testid=customer-search]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(code);
        await Assertions.Expect(page.Locator("[data-testid=customer-option]").Filter(new() { HasTextString = code })).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=customer-card]")).ToContainTextAsync(code);
        // The page moves focus once the customer's card has rendered: keys pressed before land in the search box.
        await Assertions.Expect(page.Locator("[data-testid=department]")).ToBeFocusedAsync();
        for (var i = 0; i < 5; i++)
            await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-line=\"0\"] [data-field=code]")).ToBeFocusedAsync();
        var lines = Enumerable.Range(1, LineCount).Select(i => OrderingTestData.Line(ProductCode(i),
            (i % 4 + 1).ToString(CultureInfo.InvariantCulture), $"行{i}")).ToList();
        await page.EvaluateAsync("text => navigator.clipboard.writeText(text)",
            string.Concat(lines.Select(l => $"{l.ProductCode}\t{l.Quantity}\t{l.LineComment}\r\n")));
        await page.Keyboard.PressAsync("Control+V");
        await Assertions.Expect(page.Locator($"[data-line=\"{LineCount - 1}\"] [data-testid=line-product]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("[data-testid=line-problem]")).ToHaveCountAsync(0);

        var day = DateOnly.ParseExact(await page.Locator("[data-testid=received-date]").InputValueAsync(), "yyyy/MM/dd",
            CultureInfo.InvariantCulture);
        var time = TimeOnly.ParseExact(await page.Locator("[data-testid=received-time]").InputValueAsync(), "HH:mm",
            CultureInfo.InvariantCulture);
        return new FaxOrderDraft(department.CustomerId, department.Id, null, _database.BusinessClock.At(day, time), null, lines);
    }

    /// <summary>After the restart: the whole order or, when there is none, every table exactly as before the save.</summary>
    private async Task<KilledSave> OutcomeAsync(string moment, Department department, FaxOrderDraft draft, DatabaseSnapshot before,
        IReadOnlyDictionary<string, int> stockBefore)
    {
        await using var db = _database.CreateDbContext();
        var order = await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Lines).Include(o => o.Shipments)
            .SingleOrDefaultAsync(o => o.DepartmentId == department.Id);
        var changed = (await DatabaseSnapshot.TakeAsync(_database)).ChangedSince(before);
        if (order is null)
        {
            Assert.True(changed.Count == 0, $"killed at '{moment}': no order, yet {string.Join(", ", changed)} changed");
            return new KilledSave(moment, draft, null);
        }

        Assert.Equal((OrderStatus.Accepted, true), (order.Status, order.EntryKey is not null));
        // The number is made of the id once it is issued; a placeholder left would be half a save.
        Assert.Matches(@"^F\d{13}$", order.OrderNumber);
        var lines = order.Lines.OrderBy(l => l.LineNumber).ToList();
        Assert.Equal(draft.Lines.Select(l => (l.ProductCode!, int.Parse(l.Quantity!, CultureInfo.InvariantCulture), l.LineComment, false)),
            lines.Select(l => (l.ProductCode, l.Quantity, l.LineComment, l.ShortOfStock)));
        var shipment = Assert.Single(order.Shipments);
        Assert.All(lines, l => Assert.Equal(shipment.Id, l.ShipmentId));
        Assert.Equal(lines.Sum(l => l.Amount), order.GoodsSubtotal);
        var reserved = lines.GroupBy(l => l.ProductCode).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        Assert.Equal(stockBefore.ToDictionary(s => s.Key, s => s.Value - reserved.GetValueOrDefault(s.Key)), await StockAsync());
        var lot = await db.PointLots.SingleAsync(l => l.OrderId == order.Id);
        Assert.True(order.PointsEarned > 0);
        Assert.Equal((order.PointsEarned, order.PointsEarned), (lot.Points, lot.Remaining));
        var entry = await db.PointLedger.SingleAsync(e => e.PointLotId == lot.Id);
        Assert.Equal((PointEntryKind.Earn, order.PointsEarned, order.Id), (entry.Kind, entry.Points, entry.OrderId));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Ordering.FaxOrderSaved" && a.EntityId == order.OrderNumber));
        // Nothing but the order's own rows: the department's point account is new with its first order; the customer's orders
        // version moved (the lock its orders' saves take, docs/text-and-order-rules.md).
        Assert.Equal(["AuditEntries", "Customers", "OrderLines", "Orders", "PointAccounts", "PointLedger", "PointLots", "Products",
            "Shipments"], changed);
        return new KilledSave(moment, draft, order);
    }

    /// <summary>
    /// Each FAX saved again through the domain: a saved one with its entry key is returned, not saved twice; one the kill
    /// undid saves now (under a new key, as a reloaded form has), and that key again returns it.
    /// </summary>
    private async Task SaveAgainAsync(IReadOnlyList<KilledSave> runs)
    {
        _database.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        await using var services = MatrixDatabase.Services(_database, TestStaff.DeskAgent);
        var orders = services.CreateScope().ServiceProvider.GetRequiredService<FaxOrderService>();
        foreach (var run in runs)
        {
            var request = new FaxOrderSaveRequest(run.Draft, run.Order?.EntryKey ?? Guid.NewGuid());
            var saved = await orders.SaveAsync(request);
            var again = await orders.SaveAsync(request);
            Assert.Equal((run.Order is not null, true), (saved.Replayed, again.Replayed));
            Assert.Equal(run.Order?.Id ?? saved.OrderId, again.OrderId);
            await using var db = _database.CreateDbContext();
            Assert.Equal(1, await db.Orders.CountAsync(o => o.DepartmentId == run.Draft.DepartmentId));
        }
    }

    private async Task<Dictionary<string, int>> StockAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.StockOnHand);
    }

    private static string ProductCode(int i) => $"K{i:D7}";

    /// <summary>The <paramref name="nth"/> log line holding <paramref name="sql"/> (a fresh count for each run).</summary>
    private static Func<Func<string, bool>> Statement(string sql, int nth) => () =>
    {
        var seen = 0;
        return line => line.Contains(sql, StringComparison.Ordinal) && ++seen == nth;
    };

    private sealed record KilledSave(string Moment, FaxOrderDraft Draft, Order? Order);
}
