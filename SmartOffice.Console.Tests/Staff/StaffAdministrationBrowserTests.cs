using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>The demo console, re-checking accounts every 3 seconds instead of every minute.</summary>
public sealed class QuickRevalidationDemoApp : ConsoleApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Staff:RevalidationMinutes"] = "0.05" };
}

/// <summary>
/// /staff and /account/password in Chromium as their users meet them: admin1 adds a desk agent, who signs in with the
/// temporary password, must choose their own, and keys a FAX order; the administrator disables them and their open page
/// loses access within the revalidation interval. Screenshots of both pages at 1366×768 in Japanese and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffAdministrationBrowserTests(ConsoleApp app, Support.Browser browser)
{
    private const string NewPassword = "hanako-no-atarashii-kagi-7";

    [Fact]
    public async Task An_administrator_adds_a_desk_agent_who_changes_the_password_keys_an_order_and_is_disabled_mid_session()
    {
        await using var console = new QuickRevalidationDemoApp();
        var admin = await browser.NewPageAsync(console.BaseAddress);
        await admin.SignInAsync(DemoStaff.Administrator, DemoStaff.Password);
        await admin.GetByRole(AriaRole.Link, new() { Name = "スタッフ管理" }).ClickAsync();
        await admin.WaitForAddressAsync(new Regex("/staff$"));
        await Assertions.Expect(admin.Locator("[data-testid=staff-list]")).ToContainTextAsync(DemoStaff.DeskAgent);

        // Add: user name, name, role (desk agent is the default choice) — the temporary password is shown once.
        await admin.ClickAsync("[data-testid=add-staff]");
        await admin.FillAsync(Field("new-user-name"), "hanako");
        await admin.FillAsync(Field("new-display-name"), "新人 花子");
        await admin.ClickAsync("[data-testid=create-submit]");
        var temporary = await admin.Locator("[data-testid=temporary-password-value]").InnerTextAsync();
        Assert.Equal(12, temporary.Length);
        await Assertions.Expect(admin.Locator("[data-testid=staff-list]")).ToContainTextAsync("新人 花子");
        await admin.ScreenshotAsync("staff-created-temporary-password");

        // The desk agent signs in with it: every page leads to the password change until it is done.
        var desk = await browser.NewPageAsync(console.BaseAddress);
        await desk.GotoAsync("signin");
        await desk.FillAsync("#userName", "hanako");
        await desk.FillAsync("#password", temporary);
        await desk.ClickAsync("button[type=submit]");
        await desk.WaitForAddressAsync(new Regex("/account/password$"));
        await Assertions.Expect(desk.Locator("[data-testid=must-change]")).ToBeVisibleAsync();
        await desk.GotoAsync("orders/new");
        await desk.WaitForAddressAsync(new Regex("/account/password$"));
        // A common password is refused with the rule's words; then a phrase of their own.
        await ChangePasswordAsync(desk, temporary, "password1");
        await Assertions.Expect(desk.Locator("[data-testid=password-error]")).ToContainTextAsync("推測されやすい");
        await ChangePasswordAsync(desk, temporary, NewPassword);
        await Assertions.Expect(desk.Locator("[data-testid=password-changed]")).ToBeVisibleAsync();
        await desk.ClickAsync("[data-testid=continue]");
        await desk.WaitForCircuitAsync();

        // A FAX order keyed as every desk agent keys one.
        var customer = await OrderEntrySteps.CustomerAsync(console, skip: 0);
        var product = (await OrderEntrySteps.ProductCodesAsync(console, 2))[0];
        await desk.GotoAsync("orders/new");
        await desk.WaitForCircuitAsync();
        await OrderEntrySteps.PickCustomerAsync(desk, customer);
        for (var i = 0; i < 5; i++)
            await desk.Keyboard.PressAsync("Enter");
        await OrderEntrySteps.KeyLineAsync(desk, product, "3");
        await desk.Keyboard.PressAsync("Control+Enter");
        await desk.WaitForAddressAsync(new Regex(@"/orders/\d+$"));
        await Assertions.Expect(desk.Locator("[data-testid=detail-customer]")).ToContainTextAsync(customer.Code);

        // The administrator disables them; their open page loses access at the next check (3 s here, a minute as shipped).
        await admin.ReloadAsync();
        await admin.WaitForCircuitAsync();
        await admin.Locator("[data-testid=staff-list] tbody tr", new() { HasTextString = "hanako" }).First.ClickAsync();
        var panel = admin.Locator("[data-testid=staff-panel]");
        await Assertions.Expect(panel.Locator("[data-testid=staff-history]")).ToContainTextAsync("パスワード変更");
        await Assertions.Expect(panel.Locator("[data-testid=staff-history]")).ToContainTextAsync("ログイン");
        // The role by its name on the desk, not the stored one.
        await Assertions.Expect(panel.Locator("[data-testid=staff-history]")).ToContainTextAsync("カスタマーデスク");
        await Assertions.Expect(panel.Locator("[data-testid=staff-history]")).Not.ToContainTextAsync("DeskAgent");
        await admin.ScreenshotAsync("staff-history");
        await panel.Locator("[data-testid=disable]").ClickAsync();
        await admin.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "無効にする" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-testid=staff-list] tbody tr", new() { HasTextString = "hanako" })
            .First.Locator("[data-testid=status-disabled]")).ToBeVisibleAsync();

        await desk.WaitForAddressAsync(new Regex("/signin"));
        await desk.FillAsync("#userName", "hanako");
        await desk.FillAsync("#password", NewPassword);
        await desk.ClickAsync("button[type=submit]");
        await Assertions.Expect(desk.Locator("[role=alert]")).ToContainTextAsync("無効");
    }

    [Fact]
    public async Task A_desk_agent_locked_out_by_wrong_passwords_is_unlocked_by_the_administrator_and_signs_in()
    {
        const string userName = "lockedout";
        await app.CreateStaffAsync(userName, NewPassword, SmartOffice.Domain.Staff.StaffRoles.DeskAgent, "施錠 次郎");
        var desk = await browser.NewPageAsync(app.BaseAddress);
        for (var attempt = 0; attempt < 5; attempt++)
            await SignInAttemptAsync(desk, userName, $"not-the-password-{attempt}");
        // Locked: even the right password gets the one answer that tells nothing.
        await SignInAttemptAsync(desk, userName, NewPassword);
        await Assertions.Expect(desk.Locator("[role=alert]")).ToContainTextAsync("ロック");

        var admin = await browser.NewPageAsync(app.BaseAddress);
        await admin.SignInAsync(DemoStaff.Administrator, DemoStaff.Password);
        await admin.GotoAsync("staff");
        await admin.WaitForCircuitAsync();
        var row = admin.Locator("[data-testid=staff-list] tbody tr", new() { HasTextString = userName }).First;
        await Assertions.Expect(row.Locator("[data-testid=status-locked]")).ToBeVisibleAsync();
        await row.ClickAsync();
        var panel = admin.Locator("[data-testid=staff-panel]");
        await panel.Locator("[data-testid=unlock]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=status-locked]")).ToHaveCountAsync(0);
        // The history says who failed and who unlocked, the lock's end in Japan time (not the stored UTC value).
        var history = panel.Locator("[data-testid=staff-history]");
        await Assertions.Expect(history).ToContainTextAsync("ロック解除");
        await Assertions.Expect(history).ToContainTextAsync("ログイン失敗");
        await Assertions.Expect(history).Not.ToContainTextAsync("+00:00");
        await admin.ScreenshotAsync("staff-unlocked");

        await SignInAttemptAsync(desk, userName, NewPassword);
        await desk.WaitForCircuitAsync();
        await Assertions.Expect(desk).Not.ToHaveURLAsync(new Regex("/signin"));
    }

    [Fact]
    public async Task Dealer_reps_desk_agents_and_supervisors_are_refused_the_staff_page_and_its_menu_entry()
    {
        foreach (var who in new[] { DemoStaff.DealerRep, DemoStaff.DeskAgent2, DemoStaff.Supervisor })
        {
            var page = await browser.NewPageAsync(app.BaseAddress);
            await page.SignInAsync(who, DemoStaff.Password);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "スタッフ管理" })).ToHaveCountAsync(0);
            await page.GotoAsync("staff");
            await page.WaitForAddressAsync(new Regex("/denied"));
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("ja-JP")]
    [InlineData("en-US")]
    public async Task The_staff_page_and_the_password_page_read_well_at_1366_in_both_languages(string culture)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: culture);
        await page.Context.AddCookiesAsync(
            [new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = app.BaseAddress.ToString() }]);
        await page.SignInAsync(DemoStaff.Administrator, DemoStaff.Password);
        await page.GotoAsync("staff");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=staff-list] tbody tr", new() { HasTextString = DemoStaff.DealerRep }).First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=staff-history]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=add-staff]");
        await Assertions.Expect(page.Locator("[data-testid=create-staff]")).ToBeVisibleAsync();
        await page.ScreenshotAsync($"staff-{culture}");
        await Assertions.Expect(page.Locator("h5")).ToHaveTextAsync(culture == "ja-JP" ? "スタッフ管理" : "Staff");

        await page.ClickAsync("[data-testid=own-password]");
        await page.WaitForAddressAsync(new Regex("/account/password$"));
        await page.FillAsync("#currentPassword", "not-my-password");
        await page.FillAsync("#newPassword", "paper lantern over the river");
        await page.FillAsync("#confirmPassword", "paper lantern over the river");
        await page.ClickAsync("[data-testid=change-password]");
        await Assertions.Expect(page.Locator("[data-testid=password-error]"))
            .ToHaveTextAsync(culture == "ja-JP" ? "現在のパスワードが正しくありません。" : "The current password is wrong.");
        await page.ScreenshotAsync($"own-password-{culture}");
    }

    /// <summary>A MudTextField's input by its test id (MudBlazor puts the attribute on the input or its wrapper).</summary>
    private static string Field(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";

    private static async Task SignInAttemptAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("signin");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync();
    }

    private static async Task ChangePasswordAsync(IPage page, string current, string next)
    {
        await page.FillAsync("#currentPassword", current);
        await page.FillAsync("#newPassword", next);
        await page.FillAsync("#confirmPassword", next);
        await page.ClickAsync("[data-testid=change-password]");
        await page.WaitForLoadStateAsync();
    }
}
