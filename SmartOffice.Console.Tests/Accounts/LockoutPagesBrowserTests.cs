using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class LockoutPagesBrowserTests(ConsoleApp app, Support.Browser browser)
{
    /// <summary>What a verified caller says: read from the app's demo database, as the caller knows it.</summary>
    private async Task<(string Code, string Phone, string Department)> CallerOfAsync(string userId)
    {
        var options = new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>()
            .UseSqlite($"Data Source={Path.Combine(app.DataFolder, "console.db")}").Options;
        await using var db = new SqliteSmartOfficeDbContext(options);
        var user = await db.WebUsers.AsNoTracking().Where(u => u.UserId == userId)
            .Select(u => new { u.Department!.Customer!.Code, u.Department.Customer.Phone, u.Department.Name }).SingleAsync();
        return (user.Code, user.Phone, user.Name);
    }

    /// <summary>Signs in and opens the lockout queue; in English at 1920×1080, else Japanese at 1366×768.</summary>
    private async Task<IPage> QueueAsync(string staff, bool english = false)
    {
        var page = english
            ? await browser.NewPageAsync(app.BaseAddress, locale: "en-US", width: 1920, height: 1080)
            : await browser.NewPageAsync(app.BaseAddress);
        if (english)
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US",
                Url = app.BaseAddress.ToString() }]);
        await page.SignInAsync(staff, DemoStaff.Password);
        await page.GotoAsync("lockouts");
        await page.WaitForCircuitAsync();
        return page;
    }

    [Fact]
    public async Task A_desk_agent_unlocks_a_locked_demo_user_after_verifying_the_caller()
    {
        var page = await QueueAsync(DemoStaff.DeskAgent);
        await Assertions.Expect(page.Locator(Field("search"))).ToBeFocusedAsync();
        var firstLocked = page.Locator("[data-testid=web-users] tbody tr").First;
        await Assertions.Expect(firstLocked.Locator("[data-testid=status-locked]")).ToHaveTextAsync("ロック中");
        await page.ScreenshotAsync("lockouts-queue-desk");

        var userId = await firstLocked.Locator("[data-testid=user-id]").InnerTextAsync();
        var caller = await CallerOfAsync(userId);
        await firstLocked.Locator("[data-testid=user-id]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=detail-user-id]")).ToHaveTextAsync(userId);

        // Nothing happens without the check.
        await page.ClickAsync("[data-testid=unlock]");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "ロック解除" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=verify-error]")).ToContainTextAsync("本人確認");

        // Full-width digits as an IME types them.
        await page.FillAsync(Field("verify-customer-code"), Wide(caller.Code));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(Field("verify-phone"))).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(caller.Phone);
        await page.Locator("[data-testid=verify-department]").GetByText(caller.Department, new() { Exact = true }).ClickAsync();
        await page.FillAsync(Field("verify-caller"), "山田様");
        await page.ClickAsync("[data-testid=issue-temporary]");
        await page.ScreenshotAsync("lockouts-verify-desk");
        await page.ClickAsync("[data-testid=unlock]");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("取り消せません");
        await page.ScreenshotAsync("lockouts-confirm-desk");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "ロック解除" }).ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"{userId} のロックを解除しました。");
        await Assertions.Expect(page.Locator("[data-testid=temporary-password] .temporary-password"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Za-z2-9]{10}$"));
        await Assertions.Expect(page.Locator("[data-testid=status-open]")).ToHaveTextAsync("利用可");
        var history = page.Locator("[data-testid=history]");
        await Assertions.Expect(history).ToContainTextAsync("田中 美咲");
        await Assertions.Expect(history).ToContainTextAsync($"本人確認済(お客様番号 {caller.Code}");
        await page.ScreenshotAsync("lockouts-unlocked-desk");

        await page.GotoAsync("lockouts");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=web-users] tbody tr").First.Locator("[data-testid=user-id]"))
            .Not.ToHaveTextAsync(userId);
        await Assertions.Expect(page.Locator("[data-testid=web-users] [data-testid=user-id]", new() { HasTextString = userId }))
            .ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_dealer_rep_sees_lock_status_of_own_customers_but_cannot_unlock()
    {
        var page = await QueueAsync(DemoStaff.DealerRep);
        var firstLocked = page.Locator("[data-testid=web-users] tbody tr").First;
        await Assertions.Expect(firstLocked.Locator("[data-testid=status-locked]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=forgotten-id]")).ToHaveCountAsync(0);

        var userId = await firstLocked.Locator("[data-testid=user-id]").InnerTextAsync();
        await firstLocked.Locator("[data-testid=user-id]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=detail-user-id]")).ToHaveTextAsync(userId);
        await Assertions.Expect(page.Locator("[data-testid=status-locked]")).ToHaveTextAsync("ロック中");
        await Assertions.Expect(page.Locator("[data-testid=read-only]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=unlock]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("lockouts-detail-dealer");
    }

    [Fact]
    public async Task A_verified_caller_who_forgot_their_ID_is_told_the_IDs_of_their_department()
    {
        const string userId = "u1000001";
        var caller = await CallerOfAsync(userId);
        var page = await QueueAsync(DemoStaff.DeskAgent2);
        await page.ClickAsync("[data-testid=forgotten-id]");
        await Assertions.Expect(page.Locator(Field("verify-customer-code"))).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync(caller.Code);
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync(caller.Phone);
        await page.Locator("[data-testid=verify-department]").GetByText(caller.Department, new() { Exact = true }).ClickAsync();
        await page.ClickAsync("[data-testid=show-ids]");

        await Assertions.Expect(page.Locator("[data-testid=user-ids]")).ToContainTextAsync(userId);
        await page.ScreenshotAsync("lockouts-forgotten-id-desk");
    }

    [Fact]
    public async Task The_queue_reads_in_English_too()
    {
        var page = await QueueAsync(DemoStaff.Supervisor, english: true);

        await Assertions.Expect(page.Locator("h5").First).ToHaveTextAsync("Web ID lockouts");
        await Assertions.Expect(page.Locator("[data-testid=web-users] tbody tr").First.Locator("[data-testid=status-locked]"))
            .ToHaveTextAsync("Locked");
        await page.ScreenshotAsync("lockouts-queue-supervisor-en");
        await page.Locator("[data-testid=web-users] [data-testid=user-id]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=history]")).ToContainTextAsync("History");
        await page.ScreenshotAsync("lockouts-detail-supervisor-en");
    }

    /// <summary>MudBlazor puts a text field's attributes on the input itself.</summary>
    private static string Field(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";

    private static string Wide(string digits) => new(digits.Select(c => (char)(c - '0' + '０')).ToArray());
}
