using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>
/// Someone signed in with a temporary password (a new account, a reset) over HTTP as a browser does: only the password change
/// is open to them, and once they have chosen their own — however long they took over it — the same sign-in opens the console.
/// </summary>
public sealed class TemporaryPasswordTests
{
    private const string OwnPassword = "paper lantern over the river";

    [Fact]
    public async Task Only_the_password_change_is_open_until_it_is_done()
    {
        await using var app = new SessionClockApp();
        using var client = await SignInWithTemporaryPasswordAsync(app, "newcomer");

        using (var page = await client.NavigateAsync("orders/new"))
            Assert.Equal("/account/password", page.Headers.Location?.OriginalString);
        // The circuit's hub (every interactive page) and posts are refused outright.
        using (var circuit = await client.PostAsync("_blazor/negotiate?negotiateVersion=1", new StringContent("")))
            Assert.True(circuit.StatusCode == HttpStatusCode.Forbidden,
                $"{circuit.StatusCode} {await circuit.Content.ReadAsStringAsync()}");
        using (var password = await client.NavigateAsync("account/password"))
            Assert.Equal(HttpStatusCode.OK, password.StatusCode);
    }

    [Fact]
    public async Task A_password_changed_after_the_accounts_check_interval_opens_the_console_to_the_same_sign_in()
    {
        await using var app = new SessionClockApp();
        using var client = await SignInWithTemporaryPasswordAsync(app, "slowtyper");
        using var form = await client.NavigateAsync("account/password");
        // The person reads the rules and thinks of a phrase: longer than Staff:RevalidationMinutes, so the request that changes
        // the password first re-checks the sign-in cookie against the account (and loads it, as it was, in that request).
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        using var changed = await ChangePasswordAsync(client, form, AdjustableClockApp.Password, OwnPassword);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("changed=true", changed.Headers.Location!.OriginalString);

        using (var dashboard = await client.NavigateAsync(""))
            Assert.True(dashboard.StatusCode == HttpStatusCode.OK, $"{dashboard.StatusCode} {dashboard.Headers.Location}");
        // And at the next check of the cookie against the account (its new security stamp), still.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using (var later = await client.NavigateAsync("orders/new"))
            Assert.True(later.StatusCode == HttpStatusCode.OK, $"{later.StatusCode} {later.Headers.Location}");
    }

    /// <summary>A desk agent whose password is one an administrator handed over, signed in with it.</summary>
    private static async Task<HttpClient> SignInWithTemporaryPasswordAsync(SessionClockApp app, string userName)
    {
        await app.CreateDeskAgentAsync(userName);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync())
            await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(u => u.SetProperty(x => x.MustChangePassword, true));
        var client = await StaffHttp.ClientAsync(app.BaseAddress, null, "");
        using var signIn = await StaffHttp.SignInAsync(client, userName, AdjustableClockApp.Password);
        Assert.Equal("/account/password", signIn.Headers.Location?.OriginalString);
        return client;
    }

    /// <summary>Posts the static password form (as the browser got it) as the browser does.</summary>
    private static async Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, HttpResponseMessage form, string current,
        string next)
    {
        var html = await form.Content.ReadAsStringAsync();
        return await client.PostAsync("account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "own-password",
            ["__RequestVerificationToken"] = StaffHttp.AntiforgeryToken(html),
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.Confirmation"] = next,
        }));
    }
}
