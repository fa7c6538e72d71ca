using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Bench;

/// <summary>
/// <c>circuits</c>: the real console (this Release build, on Kestrel at 127.0.0.1, standard demo data in a temp folder) hosted
/// in this process, and desk agents in headless Chromium each holding a Blazor circuit on the order-entry page with 20 keyed
/// lines (pasted from "Excel", as agents do). At 10, 30 and 60 circuits: the GC heap after a forced full collection (the
/// slope over the three counts is the heap per circuit), and — while every agent changes a quantity about once a second —
/// the time from the quantity's change event to the summary's DOM updated, taken in the browser (p95). Chromium runs on the
/// same machine and competes for its cores: the latency is an upper bound of what an agent on their own PC sees.
/// Targets: &lt; 1.2 MiB per circuit; p95 &lt; 50 ms at 60 circuits. No same-run baseline (the issue's naive MudBlazor page
/// measured 2.2 MiB per circuit): reported absolute.
/// </summary>
internal sealed class CircuitsBenchmark : IBenchmark
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const int Lines = 20;
    private const double TargetMiBPerCircuit = 1.2;
    private const double TargetP95Milliseconds = 50;
    private static readonly int[] Levels = [10, 30, 60];
    /// <summary>Agents opening their page at once (sign-in is shared: one cookie for every agent's browser context).</summary>
    private const int OpeningAtOnce = 5;
    private static readonly TimeSpan KeyingTime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ThinkTime = TimeSpan.FromSeconds(1.5);

    /// <summary>In the page: the time from a quantity's change event to the next change of the summary's DOM.</summary>
    private const string Probe = """
        () => {
            const bench = window.__bench = { samples: [], pending: null };
            document.addEventListener('change', e => {
                if (e.target.matches && e.target.matches('[data-field=qty]')) bench.pending = performance.now();
            }, true);
            new MutationObserver(() => {
                if (bench.pending === null) return;
                bench.samples.push(performance.now() - bench.pending);
                bench.pending = null;
            }).observe(document.querySelector('[data-testid=summary]'), { subtree: true, childList: true, characterData: true });
        }
        """;

    public bool UsesDemoData => false;

    public async Task<IReadOnlyList<BenchResult>> RunAsync(IServiceProvider? services, int runs, CancellationToken cancellationToken)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (./test.sh does).");
        await using var app = new BenchApp();
        var baseAddress = app.BaseAddress;
        var (orders, block) = await AgentsDataAsync(app, Levels[^1]);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });

        var signedIn = await SignInAsync(browser, baseAddress);
        // A first agent warms the app (JIT, caches, MudBlazor's first render) and leaves; the heap is measured from there.
        var warm = await OpenAgentAsync(browser, baseAddress, signedIn, orders[0], block, cancellationToken);
        await KeyAsync([warm], TimeSpan.FromSeconds(3), new Random(1), cancellationToken);
        await warm.Context.CloseAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);

        var agents = new List<IPage>();
        var heaps = new List<(int Circuits, double MiB)>();
        var results = new List<BenchResult>();
        var random = new Random(20261125);
        foreach (var level in Levels)
        {
            var watch = Stopwatch.StartNew();
            while (agents.Count < level)
            {
                var opening = Enumerable.Range(agents.Count + 1, Math.Min(OpeningAtOnce, level - agents.Count))
                    .Select(i => OpenAgentAsync(browser, baseAddress, signedIn, orders[i], block, cancellationToken));
                agents.AddRange(await Task.WhenAll(opening));
            }
            var mib = HeapMiB();
            heaps.Add((level, mib));
            var latencies = await KeyAsync(agents, KeyingTime, random, cancellationToken);
            var p95 = Measurement.Percentile(latencies, 95);
            global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{level,3} circuits: heap {mib,7:0.0} MiB after forced GC; change → summary p50 {Measurement.Percentile(latencies, 50),6:0.0} ms, p95 {p95,6:0.0} ms ({latencies.Count} changes; agents opened in {watch.Elapsed.TotalSeconds:0} s)"));
            results.Add(BenchResult.Absolute($"circuits {level} change→summary p95", p95, "ms", level == Levels[^1] ? TargetP95Milliseconds : null));
        }
        var slope = Slope(heaps);
        global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GC heap per circuit (slope over {string.Join(", ", Levels)}): {slope:0.000} MiB; target < {TargetMiBPerCircuit} MiB"));
        results.Insert(0, BenchResult.Absolute("circuits heap per circuit", slope, "MiB", TargetMiBPerCircuit));
        // Agents leave (their circuits close) before the app stops, so no circuit renders into a disposed host.
        foreach (var agent in agents)
            await agent.Context.CloseAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return results;
    }

    /// <summary>
    /// One earlier order per agent, each of another customer with one active department, no budget and no order lock (so the
    /// page opens with customer and department chosen via "new order for the same customer"); 20 products in stock.
    /// </summary>
    private static async Task<(List<int> Orders, string Block)> AgentsDataAsync(BenchApp app, int agents)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContext();
        var locked = db.OrderLocks.Select(l => l.CustomerId);
        var plain = db.Customers.Where(c => c.IsActive && !locked.Contains(c.Id) && c.Departments.Count(d => d.IsActive) == 1
                                            && c.Departments.All(d => d.MonthlyBudget == null)).Select(c => c.Id);
        var orders = await db.Orders.AsNoTracking().Where(o => plain.Contains(o.CustomerId))
            .GroupBy(o => o.CustomerId).Select(g => g.Min(o => o.Id)).OrderBy(id => id).Take(agents + 1).ToListAsync();
        var codes = await db.Products.AsNoTracking()
            .Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard && p.StockOnHand > 100)
            .OrderBy(p => p.Id).Select(p => p.Code).Take(Lines).ToListAsync();
        if (orders.Count < agents + 1 || codes.Count < Lines)
            throw new InvalidOperationException("The demo data has too few plain customers or stocked products for the circuits benchmark.");
        var block = string.Join("\r\n", codes.Select((code, i) => $"{code}\t{i % 9 + 1}")) + "\r\n";
        return (orders, block);
    }

    private static BrowserNewContextOptions ContextOptions(Uri baseAddress, string? storageState) => new()
    {
        BaseURL = baseAddress.ToString(), Locale = "ja-JP", TimezoneId = "Asia/Tokyo", ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        StorageState = storageState,
    };

    /// <summary>Signs the desk agent in once; every agent's context starts with that cookie.</summary>
    private static async Task<string> SignInAsync(IBrowser browser, Uri baseAddress)
    {
        await using var context = await browser.NewContextAsync(ContextOptions(baseAddress, null));
        var page = await context.NewPageAsync();
        await page.GotoAsync("signin");
        await page.FillAsync("#userName", DemoStaff.DeskAgent);
        await page.FillAsync("#password", DemoStaff.Password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        return await context.StorageStateAsync();
    }

    /// <summary>An agent: opens the entry form for an earlier order's customer, pastes 20 lines and waits for them priced.</summary>
    private static async Task<IPage> OpenAgentAsync(IBrowser browser, Uri baseAddress, string signedIn, int sameAs, string block,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var context = await browser.NewContextAsync(ContextOptions(baseAddress, signedIn));
        var page = await context.NewPageAsync();
        await page.GotoAsync($"orders/new?sameAs={sameAs}");
        await page.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await page.Locator("[data-testid=customer-card]").WaitForAsync(new() { Timeout = 60_000 });
        await page.EvaluateAsync("""
            text => {
                const field = document.querySelector('[data-line="0"] [data-field=code]');
                field.focus();
                const data = new DataTransfer();
                data.setData('text/plain', text);
                field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, block);
        await page.Locator($"[data-line=\"{Lines - 1}\"] [data-testid=line-amount]:not(:empty)").WaitForAsync(new() { Timeout = 60_000 });
        await page.EvaluateAsync(Probe);
        return page;
    }

    /// <summary>Every agent changes a random line's quantity, waits for the summary, thinks about a second, for the given time.</summary>
    private static async Task<List<double>> KeyAsync(IReadOnlyList<IPage> agents, TimeSpan duration, Random random, CancellationToken cancellationToken)
    {
        var plans = agents.Select(_ => (Seed: random.Next(), Offset: random.Next(0, (int)ThinkTime.TotalMilliseconds))).ToList();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var all = await Task.WhenAll(agents.Select(async (page, a) =>
        {
            var own = new Random(plans[a].Seed);
            await Task.Delay(plans[a].Offset, cancellationToken);
            var count = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var line = own.Next(Lines);
                var quantity = page.Locator($"[data-line=\"{line}\"] [data-field=qty]");
                var current = await quantity.InputValueAsync();
                await quantity.FillAsync(current == "12" ? "11" : "12");
                await quantity.PressAsync("Tab");
                count++;
                await page.WaitForFunctionAsync("n => window.__bench.samples.length >= n", count, new() { Timeout = 30_000 });
                await Task.Delay(ThinkTime + TimeSpan.FromMilliseconds(own.Next(-200, 200)), cancellationToken);
            }
            return await page.EvaluateAsync<double[]>("() => window.__bench.samples.splice(0)");
        }));
        return all.SelectMany(s => s).ToList();
    }

    /// <summary>The app's live managed heap: full blocking compacting collections until finalizers are done.</summary>
    private static double HeapMiB()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
    }

    private static double Slope(IReadOnlyList<(int X, double Y)> points)
    {
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        return points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
    }

    /// <summary>
    /// The console as it runs, in this process: its own SQLite file, keys and logs in a temp folder, the scheduler off (no
    /// cutoff job under the measurement). Development, because an unpublished app serves its static web assets only there
    /// (STACK.md pitfall 7).
    /// </summary>
    private sealed class BenchApp : WebApplicationFactory<Program>
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "smartoffice-bench-circuits-" + Guid.NewGuid().ToString("N"));

        public BenchApp()
        {
            Directory.CreateDirectory(_folder);
            UseKestrel(StartupBenchmark.FreePort());
        }

        public Uri BaseAddress
        {
            get
            {
                StartServer();
                return ClientOptions.BaseAddress;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "console.db")}",
                ["Demo:Enabled"] = "true",
                ["DataProtection:KeysFolder"] = Path.Combine(_folder, "keys"),
                ["Jobs:SchedulerEnabled"] = "false",
                ["Jobs:OutboxFolder"] = Path.Combine(_folder, "outbox"),
                ["Serilog:MinimumLevel:Default"] = "Warning",
                ["Serilog:WriteTo:1:Args:path"] = Path.Combine(_folder, "logs", "console-.log"),
            }));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
