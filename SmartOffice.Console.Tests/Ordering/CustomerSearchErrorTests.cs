using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// The order entry's customer search runs on its own after a pause in typing. When it fails (here: the customers' table
/// renamed away under the running console) the failure is logged and the agent reads an error under the field — not an
/// empty list that looks like "no such customer". It used to be dropped with its fire-and-forget task.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomerSearchErrorTests(Support.Browser browser) : IAsyncLifetime
{
    private const string Agent = "search-desk";
    private readonly CapturingConsoleApp _app = new();

    public async Task InitializeAsync() => await _app.CreateStaffAsync(Agent, CapturingConsoleApp.Password, StaffRoles.DeskAgent,
        "検索 確認");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_search_that_fails_is_logged_and_said_under_the_field_until_one_works()
    {
        var page = await browser.NewPageAsync(_app.BaseAddress);
        await page.SignInAsync(Agent, CapturingConsoleApp.Password);
        await page.GotoAsync("orders/new");
        await page.WaitForCircuitAsync();
        var error = page.Locator(".customer-search [role=alert]");

        await SqliteTables.RenameAsync(_app.DataFolder, "Customers", "Customers_away");
        await page.GetByTestId("customer-search").PressSequentiallyAsync("ヤマダ");

        await Assertions.Expect(error).ToContainTextAsync("処理中にエラーが発生しました");
        Assert.Contains(_app.Events.Errors(), e => e.Contains("customer search", StringComparison.Ordinal));
        await page.ScreenshotAsync("customer-search-failed");

        await SqliteTables.RenameAsync(_app.DataFolder, "Customers_away", "Customers");
        await page.GetByTestId("customer-search").PressSequentiallyAsync("タ");
        await Assertions.Expect(page.GetByTestId("customer-none")).ToBeVisibleAsync();
        await Assertions.Expect(error).ToHaveCountAsync(0);
    }
}
