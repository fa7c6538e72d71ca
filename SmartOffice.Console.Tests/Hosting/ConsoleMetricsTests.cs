using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.FaxInbox;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Diagnostics;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Hosting;

/// <summary>
/// The console's own meter and .NET's Blazor meters, read as dotnet-counters or an OpenTelemetry exporter reads them — with a
/// <see cref="MeterListener"/> on the running console (the app's own meters: those of its meter factory) — move when a desk
/// agent keys an order in Chromium, saves it, and a FAX arrives.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ConsoleMetricsTests(ConsoleApp app, Support.Browser browser)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Quoting_and_saving_an_order_and_a_dropped_FAX_move_the_console_meters_beside_Blazors_circuit_and_event_meters()
    {
        var (sameAs, codes) = await OrderDataAsync();
        using var readings = new Readings(app.Services.GetRequiredService<IMeterFactory>());

        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.DeskAgent2, DemoStaff.Password);
        await page.GotoAsync($"orders/new?sameAs={sameAs}");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=customer-card]")).ToBeVisibleAsync();
        Assert.Empty(readings.Of("smartoffice.order.quote.duration"));

        // Two lines keyed: each change is a browser event handled in the circuit, and a quote for the summary.
        for (var i = 0; i < codes.Count; i++)
        {
            await page.Locator($"[data-line=\"{i}\"] [data-field=code]").FillAsync(codes[i]);
            await page.Locator($"[data-line=\"{i}\"] [data-field=qty]").FillAsync("3");
            await page.Locator($"[data-line=\"{i}\"] [data-field=qty]").PressAsync("Tab");
            await Assertions.Expect(page.Locator($"[data-line=\"{i}\"] [data-testid=line-amount]")).Not.ToBeEmptyAsync();
        }
        await Assertions.Expect(page.Locator("[data-testid=summary-total]")).Not.ToBeEmptyAsync();
        var quotes = await readings.WaitForAsync("smartoffice.order.quote.duration", count: 1);
        Assert.All(quotes, q => Assert.InRange(q.Value, double.Epsilon, 60));
        Assert.True(readings.Of("aspnetcore.components.circuit.active").Sum(r => r.Value) >= 1, "no circuit counted active");
        Assert.NotEmpty(readings.Of("aspnetcore.components.handle_event.duration"));

        // 確定 (Ctrl+Enter): the save is timed with its outcome.
        await page.Locator("[data-line=\"1\"] [data-field=qty]").PressAsync("Control+Enter");
        await page.WaitForAddressAsync(OrderPage());
        var saves = await readings.WaitForAsync("smartoffice.order.save.duration", count: 1);
        Assert.Contains(saves, s => s.Tag("outcome") == "saved");

        // The FAX server drops a PDF: the watcher takes it in, and the queue's gauges see it waiting (received a minute ago).
        var receivedAt = app.BusinessClock.Now.AddMinutes(-1);
        var name = $"{receivedAt.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}_0399990000.pdf";
        await File.WriteAllBytesAsync(Path.Combine(app.FaxDropFolder, name + ".part"), FaxFiles.Pdf());
        File.Move(Path.Combine(app.FaxDropFolder, name + ".part"), Path.Combine(app.FaxDropFolder, name));
        var imports = await readings.WaitForAsync("smartoffice.fax.imports", count: 1);
        Assert.Contains(imports, i => i.Tag("outcome") == "imported" && i.Tag("source") == "folder");
        readings.Observe();
        Assert.True(readings.Of("smartoffice.fax.queue.length").Last().Value >= 1, "the dropped FAX is not counted waiting");
        Assert.True(readings.Of("smartoffice.fax.queue.age").Last().Value >= 60,
            "the oldest waiting FAX is younger than the one just dropped");
    }

    /// <summary>An earlier order of a customer the desk keys plainly (one department, no budget, no lock), and two
    /// stocked products.</summary>
    private async Task<(int SameAs, List<string> Codes)> OrderDataAsync()
    {
        _ = app.BaseAddress;
        await using var db = app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContext();
        var locked = db.OrderLocks.Select(l => l.CustomerId);
        // From the last customers: the other browser tests take theirs from the first.
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.IsActive && !locked.Contains(c.Id) && c.Departments.Count(d => d.IsActive) == 1
                && c.Departments.All(d => d.MonthlyBudget == null)
                        && db.Orders.Any(o => o.CustomerId == c.Id))
            .OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync();
        var order = await db.Orders.AsNoTracking().Where(o => o.CustomerId == customer).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var codes = await db.Products.AsNoTracking()
            .Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard && p.StockOnHand > 50 && p.UnitPrice < 3000)
            .OrderByDescending(p => p.Id).Select(p => p.Code).Take(2).ToListAsync();
        return (order, codes);
    }

    [GeneratedRegex(@"/orders/\d+$")]
    private static partial Regex OrderPage();

    private sealed record Reading(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)
    {
        public string? Tag(string name) => Tags.FirstOrDefault(t => t.Key == name).Value?.ToString();
    }

    /// <summary>Every measurement of the console's and Blazor's instruments made by this app (its meter factory's meters).</summary>
    private sealed class Readings : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<Reading> _readings = new();

        public Readings(IMeterFactory appMeters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == appMeters
                    && (instrument.Meter.Name == ConsoleMetrics.MeterName
                        || instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)))
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
            _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
            _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Add(i, value, tags));
            _listener.Start();
        }

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            _readings.Enqueue(new Reading(instrument.Name, value, tags.ToArray()));

        public List<Reading> Of(string instrument) => _readings.Where(r => r.Instrument == instrument).ToList();

        /// <summary>Collects the observable gauges now, as a listener's collection would.</summary>
        public void Observe() => _listener.RecordObservableInstruments();

        /// <summary>Polls until the instrument has at least <paramref name="count"/> measurements (what the app does
        /// takes its time).</summary>
        public async Task<List<Reading>> WaitForAsync(string instrument, int count)
        {
            var waiting = System.Diagnostics.Stopwatch.StartNew();
            while (Of(instrument).Count < count && waiting.Elapsed < Patience)
                await Task.Delay(100);
            var found = Of(instrument);
            Assert.True(found.Count >= count, $"{instrument}: {found.Count} measurement(s) within {Patience.TotalSeconds} s");
            return found;
        }

        public void Dispose() => _listener.Dispose();
    }
}
