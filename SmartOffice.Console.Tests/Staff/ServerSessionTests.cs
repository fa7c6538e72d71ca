using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>
/// A console without demo data on an <see cref="AdjustableClock"/>: the idle timeout (60 min) and the session lifetime (12 h)
/// are the shipped ones, circuits and cookies are re-checked every 3 seconds, and a test moves the app's clock on.
/// </summary>
public sealed class SessionClockApp : AdjustableClockApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["Staff:RevalidationMinutes"] = "0.05",
    };

    public Task<string> CreateDeskAgentAsync(string userName) => CreateStaffAsync(userName, Password, StaffRoles.DeskAgent, "時計 太郎");

    public async Task<StaffSession> LastSessionOfAsync(string userName)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.StaffSessions.AsNoTracking().Where(s => s.UserId == id).OrderByDescending(s => s.StartedAt).FirstAsync();
    }
}

/// <summary>
/// ASVS 7.3.1 and 7.3.2 on the server: a session ends after the idle timeout and after its lifetime by the server's own clock,
/// whatever the browser's idle timer does — an idle circuit is closed, its cookie refused. Input in the circuit counts; an
/// unattended page's traffic does not.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ServerSessionTests(Support.Browser browser)
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(new StaffOptions().IdleTimeoutMinutes);

    [Fact]
    public async Task An_idle_circuit_is_closed_by_the_server_and_its_cookie_refused()
    {
        await using var app = new SessionClockApp();
        var user = await app.CreateDeskAgentAsync("idlecircuit");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(user, SessionClockApp.Password);
        var cookie = await CookieAsync(page);

        // An hour without input passes on the server's clock; the browser's own idle timer (real time) is far from firing.
        app.Clock.Advance(Idle + TimeSpan.FromMinutes(1));

        await page.WaitForAddressAsync(new System.Text.RegularExpressions.Regex(@"/signin\?reason=idle"));
        Assert.Equal(StaffSessionEnd.Idle, (await app.LastSessionOfAsync(user)).EndReason);
        using var response = await GetWithCookieAsync(app, cookie, navigate: true);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/signin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Clicks_in_the_circuit_keep_the_session_and_without_them_it_ends()
    {
        await using var app = new SessionClockApp();
        var user = await app.CreateDeskAgentAsync("clicker");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(user, SessionClockApp.Password);
        var cookie = await CookieAsync(page);

        app.Clock.Advance(Idle - TimeSpan.FromMinutes(20));
        // A click the circuit handles (the menu button closes the drawer): input, though no HTTP request is made.
        await page.ClickAsync("header button[aria-label]");
        await page.Locator(".mud-drawer--closed").WaitForAsync();
        app.Clock.Advance(Idle - TimeSpan.FromMinutes(20));

        // 80 minutes after sign-in, 40 after the click: the session holds (a request that is no input asks the server).
        using (var held = await GetWithCookieAsync(app, cookie, navigate: false))
            Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Null((await app.LastSessionOfAsync(user)).EndReason);

        app.Clock.Advance(Idle);
        await page.WaitForAddressAsync(new System.Text.RegularExpressions.Regex(@"/signin\?reason=idle"));
        Assert.Equal(StaffSessionEnd.Idle, (await app.LastSessionOfAsync(user)).EndReason);
    }

    [Fact]
    public async Task A_cookie_still_fresh_is_refused_once_its_session_has_had_no_input_for_the_idle_timeout()
    {
        await using var app = new SessionClockApp();
        var user = await app.CreateDeskAgentAsync("idlecookie");
        using var client = await StaffHttp.ClientAsync(app.BaseAddress, user, SessionClockApp.Password);

        // Half an hour on, a request that is no input (no page opened by a person): the cookie slides, the session's input does not.
        app.Clock.Advance(Idle / 2 + TimeSpan.FromMinutes(1));
        using (var background = await client.GetAsync(""))
            Assert.Equal(HttpStatusCode.OK, background.StatusCode);
        app.Clock.Advance(Idle / 2);

        using var refused = await client.NavigateAsync("");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/signin", refused.Headers.Location!.OriginalString);
        Assert.Contains("reason=idle", refused.Headers.Location!.OriginalString);
        Assert.Equal(StaffSessionEnd.Idle, (await app.LastSessionOfAsync(user)).EndReason);
    }

    [Fact]
    public async Task A_session_in_use_ends_after_its_lifetime_of_12_hours()
    {
        await using var app = new SessionClockApp();
        var user = await app.CreateDeskAgentAsync("allday");
        using var client = await StaffHttp.ClientAsync(app.BaseAddress, user, SessionClockApp.Password);
        var lifetime = TimeSpan.FromHours(new StaffOptions().SessionLifetimeHours);
        var step = TimeSpan.FromMinutes(50);

        // A page opened every 50 minutes all day (the account is re-checked at each, its cookie renewed).
        var elapsed = TimeSpan.Zero;
        while (elapsed + step < lifetime)
        {
            app.Clock.Advance(step);
            elapsed += step;
            using var page = await client.NavigateAsync("");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"refused after {elapsed}: {page.StatusCode} {page.Headers.Location}");
        }
        app.Clock.Advance(step);

        using var refused = await client.NavigateAsync("");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(StaffSessionEnd.Lifetime, (await app.LastSessionOfAsync(user)).EndReason);
    }

    [Fact]
    public async Task Identitys_composition_rules_are_off_and_the_length_is_ASVSs()
    {
        await using var app = new SessionClockApp();
        _ = app.BaseAddress;
        var password = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Password;
        Assert.Equal((8, false, false, false, false, 1),
            (password.RequiredLength, password.RequireDigit, password.RequireLowercase, password.RequireUppercase,
                password.RequireNonAlphanumeric, password.RequiredUniqueChars));
        // A common password is refused by Identity too (create-admin goes through it).
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>()
            .CreateAsync(new StaffUser { UserName = "weak", DisplayName = "弱い" }, "password1");
        Assert.Equal("Staff.PasswordCommon", Assert.Single(result.Errors).Code);
    }

    private static async Task<string> CookieAsync(IPage page) =>
        (await page.Context.CookiesAsync()).Single(c => c.Name == "smartoffice.staff").Value;

    private static async Task<HttpResponseMessage> GetWithCookieAsync(ConsoleApp app, string cookie, bool navigate)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) {
            BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "");
        request.Headers.Add("Cookie", $"smartoffice.staff={cookie}");
        if (navigate)
            request.Headers.Add("Sec-Fetch-Mode", "navigate");
        return await http.SendAsync(request);
    }
}
