using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOffice.Console.Staff;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>A console without demo data that re-checks accounts every 3 seconds instead of every minute.</summary>
public sealed class QuickRevalidationConsoleApp : ConsoleApp
{
    public const string Password = "secret-pass-2";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["Staff:RevalidationMinutes"] = "0.05",
    };

    public Task<string> CreateDeskAgentAsync(string userName) => CreateStaffAsync(userName, Password, StaffRoles.DeskAgent, "停止 予定");

    public async Task DisableAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName);
        user!.IsActive = false;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }
}

/// <summary>A staff account disabled while signed in loses its open circuit and its cookie within the revalidation
/// interval (one minute).</summary>
[Collection(BrowserCollection.Name)]
public sealed class DisabledAccountTests(ConsoleApp console, Support.Browser browser)
{
    [Fact]
    public void The_console_rechecks_accounts_at_least_once_a_minute()
    {
        var staff = console.Services.GetRequiredService<IOptions<StaffOptions>>().Value;
        Assert.InRange(staff.RevalidationMinutes, 0.01, 1);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_open_circuit_and_its_cookie()
    {
        await using var app = new QuickRevalidationConsoleApp();
        await app.CreateDeskAgentAsync("leaving");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync("leaving", QuickRevalidationConsoleApp.Password);
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "smartoffice.staff");

        await app.DisableAsync("leaving");

        // The circuit: revalidation turns the user anonymous and the router sends the page to sign-in.
        await page.WaitForURLAsync("**/signin?returnUrl=**", new() { Timeout = 30_000 });
        // The cookie: refused at the next request once the interval has passed.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) {
            BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "orders");
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/signin", response.Headers.Location!.OriginalString);
    }
}
