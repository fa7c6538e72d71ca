using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.Staff;

[Collection(BrowserCollection.Name)]
public sealed class SignInBrowserTests(ConsoleApp app, Support.Browser browser)
{
    [Fact]
    public async Task Desk_agent_signs_in_and_sees_the_dashboard_in_Japanese()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("");
        Assert.EndsWith("/signin?returnurl=%2f", page.Url.ToLowerInvariant());
        Assert.Equal("ログイン", await page.InnerTextAsync("button[type=submit]"));

        await page.SignInAsync(DemoStaff.DeskAgent, DemoStaff.Password);

        Assert.Equal("ホーム", await page.InnerTextAsync("[data-testid=dashboard-title]"));
        Assert.Equal("田中 美咲", await page.InnerTextAsync("[data-testid=staff-name]"));
        var faxOrders = page.Locator("[data-testid=fax-orders-today]");
        Assert.Contains("本日のFAX注文", await faxOrders.InnerTextAsync());
        Assert.Matches(@"\d", await faxOrders.Locator(".dashboard-figure").InnerTextAsync());
        // Desk agents don't run the business calendar (docs/business-rules.md role table).
        Assert.Equal(0, await page.Locator("a[href='calendar']").CountAsync());
        await page.ScreenshotAsync("dashboard-desk-agent");

        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        await page.WaitForURLAsync("**/signin");
        await page.GotoAsync("");
        Assert.Contains("/signin", page.Url);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_Japanese_message()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("signin");
        await page.FillAsync("#userName", DemoStaff.DeskAgent2);
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("button[type=submit]");

        // The same words as for an unknown, locked or disabled account: the answer tells nothing about which exist.
        Assert.Equal("ユーザー名またはパスワードが正しくないか、アカウントがロックまたは無効になっています。ロックはしばらくすると解除されます。解決しない場合はシステム管理者に連絡してください。",
            await page.InnerTextAsync("[role=alert]"));
        await page.ScreenshotAsync("signin-error");
    }

    [Fact]
    public async Task Supervisor_sees_operations_in_the_menu_and_can_switch_to_English()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width: 1920, height: 1080);
        await page.SignInAsync(DemoStaff.Supervisor, DemoStaff.Password);

        Assert.Equal(1, await page.Locator("a[href='calendar']").CountAsync());

        await page.GotoAsync("culture?culture=en-US&returnUrl=%2F");
        await page.WaitForCircuitAsync();
        Assert.Equal("Home", await page.InnerTextAsync("[data-testid=dashboard-title]"));
        Assert.Equal("Business calendar", await page.InnerTextAsync("a[href='calendar']"));
        await page.ScreenshotAsync("dashboard-supervisor-en");

        await page.GotoAsync("calendar?month=2027-01");
        await page.WaitForCircuitAsync();
        Assert.Equal("January 2027", await page.InnerTextAsync("[data-testid=month-title]"));
        // Holiday and closure names are data, kept in Japanese as the law and the company name them.
        Assert.Contains("元日", await page.InnerTextAsync("[data-date='2027-01-01']"));
        await page.ScreenshotAsync("calendar-supervisor-en");
    }
}
