using Microsoft.Playwright;

namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium) driven by Playwright, headless. A missing browser fails the
/// test run: the README's test command installs it, and no test is silently skipped.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing. Run the README's test command, which installs Debian's chromium and fonts-noto-cjk.");
        _playwright = await Playwright.CreateAsync();
        // Several test runs share 2 cores: a page may take well over Playwright's 5 s to answer a click. Waiting longer
        // costs nothing when it answers sooner.
        Assertions.SetDefaultExpectTimeout(30_000);
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }

    /// <summary>A fresh page (own cookies), by default at 1366×768, the smaller screen the desk uses; closed when the test ends.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, string locale = "ja-JP", int width = 1366, int height = 768)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        ClosePagesAfterEachTest.Track(context);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
            await Instance.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>Page steps every browser test shares.</summary>
public static class PageSteps
{
    /// <summary>Signs in through the static sign-in form and waits until the interactive circuit is up.</summary>
    public static async Task SignInAsync(this IPage page, string userName, string password)
    {
        await page.GotoAsync("signin");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForCircuitAsync();
    }

    /// <summary>
    /// Waits until the page's address matches, polling it: an in-circuit navigation changes the address without a load
    /// event, and Playwright's WaitForURL (which waits for one) missed such moves now and then in the full suite.
    /// A failure names the page's actual address.
    /// </summary>
    public static Task WaitForAddressAsync(this IPage page, System.Text.RegularExpressions.Regex address) =>
        Assertions.Expect(page).ToHaveURLAsync(address, new PageAssertionsToHaveURLOptions { Timeout = 30_000 });

    /// <summary>Clicks on prerendered markup are lost: wait for the marker the layout renders when interactive.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("#circuit-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>Saves a screenshot under TestResults/screenshots for a person to look at.</summary>
    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"),
            FullPage = true,
        });
}
