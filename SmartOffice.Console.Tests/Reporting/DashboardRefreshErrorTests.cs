using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Reporting;

/// <summary>
/// The home page re-reads its counts every 30 seconds. A re-read that fails (here: a table the counts read renamed away under
/// the running console) is logged and the page says its figures may be out of date, until a re-read works again. The loop
/// used to end silently at the first failure, its counts frozen with nothing said.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardRefreshErrorTests(Support.Browser browser) : IAsyncLifetime
{
    private const string Supervisor = "dashboard-sv";
    /// <summary>Longer than the page's 30-second refresh: the assertions wait for the next tick, whenever it comes.</summary>
    private static readonly LocatorAssertionsToContainTextOptions NextTick = new() { Timeout = 90_000 };

    private readonly CapturingConsoleApp _app = new();

    public async Task InitializeAsync() =>
        await _app.CreateStaffAsync(Supervisor, CapturingConsoleApp.Password, StaffRoles.Supervisor, "集計 確認");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Counts_whose_re_read_fails_are_logged_and_said_to_be_out_of_date_until_one_works()
    {
        var page = await browser.NewPageAsync(_app.BaseAddress);
        await page.SignInAsync(Supervisor, CapturingConsoleApp.Password);
        await page.GotoAsync("");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("open-returns")).ToBeVisibleAsync();

        await SqliteTables.RenameAsync(_app.DataFolder, "ReturnSlips", "ReturnSlips_away");
        await Assertions.Expect(page.GetByTestId("refresh-failed")).ToContainTextAsync("表示を自動で更新できませんでした", NextTick);
        Assert.Contains(_app.Events.Errors(),
            e => e.Contains("Home", StringComparison.Ordinal) && e.Contains("could not re-read", StringComparison.Ordinal));
        await page.ScreenshotAsync("home-refresh-failed");

        await SqliteTables.RenameAsync(_app.DataFolder, "ReturnSlips_away", "ReturnSlips");
        await Assertions.Expect(page.GetByTestId("refresh-failed")).ToHaveCountAsync(0, new() { Timeout = 90_000 });
    }
}
