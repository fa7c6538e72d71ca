using System.Diagnostics;
using Microsoft.Playwright;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Bench.Circuits;

/// <summary>
/// The check that a real browser sees what the protocol client measures: 10 desk agents in headless Chromium (on the load
/// client's core) each holding a circuit on the entry form with 20 pasted lines, changing a quantity about every 1.5 s; the
/// time from the quantity's change event to the summary's DOM updated is taken in the browser.
/// </summary>
internal static class BrowserCheck
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private const int Agents = 10;
    private static readonly TimeSpan KeyingTime = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ThinkTime = TimeSpan.FromSeconds(1.5);

    public sealed record Outcome(double P95, int Changes);

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

    public static async Task<Outcome> RunAsync(CircuitsServer.Setup setup, CancellationToken cancellationToken)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (./bench.sh does).");
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
        var signedIn = await SignInAsync(browser, setup.BaseAddress);
        var pages = new List<IPage>();
        try
        {
            for (var i = 0; i < Agents; i++)
                pages.Add(await OpenAsync(browser, setup, signedIn, i, cancellationToken));
            var latencies = await KeyAsync(pages, cancellationToken);
            var outcome = new Outcome(Measurement.Percentile(latencies, 95), latencies.Count);
            global::System.Console.WriteLine(
                $"Chromium, {Agents} circuits: change → summary p95 {outcome.P95:0.0} ms in the browser ({outcome.Changes} changes)");
            return outcome;
        }
        finally
        {
            foreach (var page in pages)
                await page.Context.CloseAsync();
        }
    }

    private static BrowserNewContextOptions ContextOptions(Uri baseAddress, string? storageState) => new()
    {
        BaseURL = baseAddress.ToString(), Locale = "ja-JP", TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        StorageState = storageState,
    };

    /// <summary>Signs a desk agent in once; every browser context starts with that cookie.</summary>
    private static async Task<string> SignInAsync(IBrowser browser, Uri baseAddress)
    {
        await using var context = await browser.NewContextAsync(ContextOptions(baseAddress, null));
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("signin");
        await page.FillAsync("#userName", DemoStaff.DeskAgent);
        await page.FillAsync("#password", DemoStaff.Password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        return await context.StorageStateAsync();
    }

    /// <summary>An agent: opens the entry form for an earlier order's customer, pastes 20 lines and waits for them priced.</summary>
    private static async Task<IPage> OpenAsync(IBrowser browser, CircuitsServer.Setup setup, string signedIn, int index,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var context = await browser.NewContextAsync(ContextOptions(setup.BaseAddress, signedIn));
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"orders/new?sameAs={setup.SameAsOrders[index]}");
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
            """, setup.PastedBlock);
        await page.Locator($"[data-line=\"{DeskAgent.Lines - 1}\"] [data-testid=line-amount]:not(:empty)")
            .WaitForAsync(new() { Timeout = 60_000 });
        await page.EvaluateAsync(Probe);
        return page;
    }

    /// <summary>Every agent changes a random line's quantity, waits for the summary, thinks about 1.5 s, for the keying time.</summary>
    private static async Task<List<double>> KeyAsync(IReadOnlyList<IPage> pages, CancellationToken cancellationToken)
    {
        var random = new Random(20261125);
        var plans = pages.Select(_ => (Seed: random.Next(), Offset: random.Next(0, (int)ThinkTime.TotalMilliseconds))).ToList();
        var deadline = Stopwatch.GetTimestamp() + (long)(KeyingTime.TotalSeconds * Stopwatch.Frequency);
        var all = await Task.WhenAll(pages.Select(async (page, a) =>
        {
            var own = new Random(plans[a].Seed);
            await Task.Delay(plans[a].Offset, cancellationToken);
            var count = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var quantity = page.Locator($"[data-line=\"{own.Next(DeskAgent.Lines)}\"] [data-field=qty]");
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
}
