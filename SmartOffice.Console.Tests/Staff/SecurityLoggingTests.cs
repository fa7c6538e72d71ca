using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Domain.Persistence;
using SmartOffice.Console.Tests.Support;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>
/// ASVS 16.3: failed sign-ins and refused access are in the log — who, what, where — and a typed password never is.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityLoggingTests(ConsoleApp app, Support.Browser browser)
{
    [Fact]
    public async Task A_failed_sign_in_and_a_refused_page_are_logged_without_the_password()
    {
        var desk = SmartOffice.Domain.Demo.DemoStaff.DeskAgent2;
        // An unknown user name, and a known one with a wrong password (a right one later resets its count).
        var stranger = "nobody" + Guid.NewGuid().ToString("N")[..8];
        var wrong = "Wrong-" + Guid.NewGuid().ToString("N");
        using (var anonymous = await StaffHttp.ClientAsync(app.BaseAddress, null, ""))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await StaffHttp.SignInAsync(anonymous, stranger, wrong)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await StaffHttp.SignInAsync(anonymous, desk, wrong)).StatusCode);
        }
        using (var signedIn = await StaffHttp.ClientAsync(app.BaseAddress, desk, SmartOffice.Domain.Demo.DemoStaff.Password))
            Assert.Equal(HttpStatusCode.Redirect, (await signedIn.GetAsync("jobs")).StatusCode);

        var log = await LogAsync(app,
            text => text.Contains($"Access denied to {desk}", StringComparison.Ordinal)
            && text.Contains(stranger, StringComparison.Ordinal));
        Assert.Contains($"Staff sign-in refused for {stranger} from 127.0.0.1: unknown user name", log);
        Assert.Contains($"Staff sign-in refused for {desk} from 127.0.0.1: wrong password", log);
        Assert.Matches($@"Access denied to {desk} \([^)]*roles DeskAgent\): policy [^ ]*Operations at /jobs", log);
        Assert.DoesNotContain(wrong, log);
        Assert.DoesNotContain(SmartOffice.Domain.Demo.DemoStaff.Password, log);
    }

    /// <summary>A dealer rep opening another dealer's customer by its address is refused, and the refusal is in the log
    /// (it was not).</summary>
    [Fact]
    public async Task A_dealer_reps_refused_look_at_another_dealers_customer_is_logged()
    {
        var rep = SmartOffice.Domain.Demo.DemoStaff.DealerRep;
        int customerId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync())
        {
            var dealer = await db.Users.Where(u => u.UserName == rep).Select(u => u.DealerId).SingleAsync();
            customerId = await db.Customers.Where(c => c.DealerId != dealer).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        }
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(rep, SmartOffice.Domain.Demo.DemoStaff.Password);
        await page.GotoAsync($"customers/{customerId}");
        await page.WaitForCircuitAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();

        var log = await LogAsync(app,
            text => text.Contains($"of customer {customerId} at /customers/{customerId}", StringComparison.Ordinal));
        Assert.Matches($@"Access denied to {rep} \([^)]*roles DealerRep\): capability [A-Za-z]+ of customer {customerId} at " +
            $@"/customers/{customerId}", log);
    }

    /// <summary>The app's log files (the sink writes each event through), once <paramref name="ready"/> holds.</summary>
    private static async Task<string> LogAsync(ConsoleApp app, Func<string, bool> ready)
    {
        var folder = Path.Combine(app.DataFolder, "logs");
        for (var attempt = 0; ; attempt++)
        {
            var text = string.Concat(Directory.GetFiles(folder).Select(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                return new StreamReader(stream).ReadToEnd();
            }));
            if (ready(text) || attempt == 50)
                return text;
            await Task.Delay(100);
        }
    }
}
