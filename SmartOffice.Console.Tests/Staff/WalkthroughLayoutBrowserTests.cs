using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>
/// The walk-through of issue #22 as a test: each demo role opens every page of its menu, and the first detail page each
/// list links to, at 1366×768 with the menu open, in Japanese and in English, and takes a screenshot of each
/// (walk-{role}-{page}[-en]). It looks for the defects a person found by eye: upper-cased buttons, raw values (ISO
/// times, True/False), 「Required」 in the Japanese UI, words broken a character or two a line, buttons cut off, a page
/// that scrolls sideways. A person still looks at the screenshots: docs/desk-walkthrough.md lists what was walked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WalkthroughLayoutBrowserTests(ConsoleApp app, Support.Browser browser)
{
    [Theory]
    [InlineData(DemoStaff.DeskAgent, false)]
    [InlineData(DemoStaff.DeskAgent, true)]
    [InlineData(DemoStaff.Supervisor, false)]
    [InlineData(DemoStaff.Supervisor, true)]
    [InlineData(DemoStaff.DealerRep, false)]
    [InlineData(DemoStaff.DealerRep, true)]
    public async Task Every_page_of_the_role_reads_as_keyed_at_1366(string staff, bool english)
    {
        var page = await browser.OpenSignedInAsync(app, staff, DemoStaff.Password, "", english);
        var menu = await page.Locator(".mud-drawer a.mud-nav-link")
            .EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.NotEmpty(menu);

        var visited = new HashSet<string>();
        var problems = new List<string>();
        foreach (var entry in menu)
        {
            await WalkAsync(page, entry, staff, english, visited, problems);
            if (await FirstDetailLinkAsync(page) is { } detail)
                await WalkAsync(page, detail, staff, english, visited, problems);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task WalkAsync(IPage page, string path, string staff, bool english, HashSet<string> visited, List<string> problems)
    {
        if (!visited.Add(path))
            return;
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        await LoadedAsync(page);
        var name = $"walk-{staff}-{(path.Length == 0 ? "home" : path.Replace('/', '-').Split('?')[0])}{(english ? "-en" : "")}";
        await page.ScreenshotAsync(name);
        problems.AddRange((await page.EvaluateAsync<string[]>(FindDefects, english)).Select(p => $"{name}: {p}"));
        if (await Layout.ScrollsSidewaysAsync(page))
            problems.Add($"{name}: scrolls sideways ({string.Join("; ", await Layout.PastTheWindowAsync(page))})");
        // A word broken a character or two a line (事務 / 局); "本社 総務課" at its space reads 2.5.
        var fewest = await Layout.FewestCharactersPerWrappedLineAsync(page.Locator(".mud-main-content td"));
        if (fewest is > 0 and < 2.5)
            problems.Add($"{name}: a cell wraps at {fewest:0.0} characters a line");
        // Buttons with words (a pager's arrows are icons).
        var cut = await Layout.CutOffAsync(page.Locator(".mud-main-content button:visible, .mud-main-content a.mud-button-root:visible")
            .Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"\w") }));
        if (cut.Length > 0)
            problems.Add($"{name}: buttons cut off: {string.Join(", ", cut)}");
    }

    /// <summary>Waits until the page's lists have loaded (no progress bar), polling; a page that keeps one is walked as it is.</summary>
    private static async Task LoadedAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "() => !document.querySelector('.mud-main-content .mud-progress-linear, .mud-main-content .mud-progress-circular, " +
                ".mud-main-content .mud-skeleton')",
                null, new PageWaitForFunctionOptions { Timeout = 15_000, PollingInterval = 200 });
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>The first link of the page's list to a page of its own (a customer, an order, a slip), if any.</summary>
    private static Task<string?> FirstDetailLinkAsync(IPage page) =>
        page.EvaluateAsync<string?>("""
            () => {
              const a = [...document.querySelectorAll('.mud-main-content table a[href]')].map(a => a.getAttribute('href'))
                .find(h => h && !h.startsWith('http') && !h.startsWith('#') && !/export|download|\.(csv|xlsx|pdf|png)/i.test(h));
              return a ? a.replace(/^\//, '') : null;
            }
            """);

    private const string FindDefects = """
        english => {
          const found = [];
          const squash = t => t.replace(/\s+/g, ' ').trim();
          for (const b of document.querySelectorAll('button, a.mud-button-root, .mud-tab')) {
            const keyed = squash(b.textContent), shown = squash(b.innerText);
            if (/[a-z]/.test(keyed) && shown === keyed.toUpperCase() && shown !== keyed) found.push(`upper-cased button "${keyed}"`);
          }
          const text = document.querySelector('.mud-main-content')?.innerText ?? '';
          for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[^\s]*/g)) found.push(`ISO time ${m[0]}`);
          for (const cell of document.querySelectorAll('.mud-main-content td, .mud-main-content dd, .mud-main-content .mud-chip')) {
            if (/^(True|False)$/.test(squash(cell.innerText))) found.push(`raw boolean "${squash(cell.innerText)}"`);
          }
          if (!english && /\bRequired\b/.test(text)) found.push('English "Required" in the Japanese UI');
          return [...new Set(found)];
        }
        """;
}
