using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>A console without demo data, with a 6-second idle timeout, and one desk agent made here.</summary>
public sealed class ShortIdleConsoleApp : ConsoleApp
{
    public const string Password = "secret-pass-1";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["Staff:IdleTimeoutMinutes"] = "0.1",
        // Sessions are checked at least as often as they may time out (a setting checked at start).
        ["Staff:RevalidationMinutes"] = "0.05",
    };

    public Task<string> CreateDeskAgentAsync(string userName) => CreateStaffAsync(userName, Password, StaffRoles.DeskAgent, "試験 太郎");
}

/// <summary>ASVS 6.1.1 (brute force) and 7.3.1 (idle timeout) for staff sign-in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionSecurityTests(Support.Browser browser)
{
    [Fact]
    public async Task The_fifth_wrong_password_locks_the_staff_account_even_against_the_right_one()
    {
        await using var app = new ShortIdleConsoleApp();
        var user = await app.CreateDeskAgentAsync("locktest");
        var page = await browser.NewPageAsync(app.BaseAddress);

        for (var attempt = 1; attempt <= 5; attempt++)
            await TrySignInAsync(page, user, "wrong-password");
        var lockedAnswer = await page.InnerTextAsync("[role=alert]");
        await TrySignInAsync(page, user, ShortIdleConsoleApp.Password);

        // Refused with the right password: the account is locked (the database says so)...
        Assert.Contains("/signin", page.Url);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(user);
            Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().IsLockedOutAsync(account!));
        }
        // ...but the page says no more than for a wrong password or an unknown name: nothing tells which accounts exist.
        Assert.Equal(lockedAnswer, await page.InnerTextAsync("[role=alert]"));
        await TrySignInAsync(page, "nobody-" + Guid.NewGuid().ToString("N")[..6], "wrong-password");
        Assert.Equal(lockedAnswer, await page.InnerTextAsync("[role=alert]"));
        Assert.Contains("ロック", lockedAnswer);
    }

    [Fact]
    public async Task A_session_without_input_ends_and_says_why()
    {
        await using var app = new ShortIdleConsoleApp();
        var user = await app.CreateDeskAgentAsync("idletest");
        var page = await browser.NewPageAsync(app.BaseAddress);

        await page.SignInAsync(user, ShortIdleConsoleApp.Password);
        // The server or the page's own timer, whichever comes first, ends it and says why.
        await page.WaitForAddressAsync(new System.Text.RegularExpressions.Regex(@"/signin\?reason=idle"));

        Assert.Equal("一定時間操作がなかったため、ログアウトしました。再度ログインしてください。", await page.InnerTextAsync("[role=alert]"));
        // The cookie is gone: the dashboard asks for sign-in again.
        await page.GotoAsync("");
        Assert.Contains("/signin", page.Url);
    }

    private static async Task TrySignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("signin");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync();
    }
}
