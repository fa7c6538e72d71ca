using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Hosting;

/// <summary>
/// A graceful stop (the host's StopAsync, as SIGTERM does) with circuits open — desk pages left open at closing time, the
/// circuits benchmark's end — closes the circuits while the console's services still exist and logs no error: no
/// revalidation of a circuit's sign-in against a disposed container, no circuit failing on a disposed service, during the
/// stop or after it while the process lives on (a test host, the benchmark's runner).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GracefulStopTests(Support.Browser browser)
{
    /// <summary>Pages whose circuits do work of their own: re-reads, the FAX queue's subscription, the entry form, the job list.</summary>
    private static readonly string[] Pages = ["", "fax", "orders/new", "jobs", "customers"];

    [Fact]
    public async Task Stopping_the_console_with_circuits_open_closes_them_first_and_logs_no_error()
    {
        var app = new CapturingConsoleApp();
        await app.CreateStaffAsync("closing", CapturingConsoleApp.Password, StaffRoles.Supervisor, "終業 時刻");
        var pages = new List<Microsoft.Playwright.IPage>();
        foreach (var path in Pages)
        {
            var page = await browser.NewPageAsync(app.BaseAddress);
            await page.SignInAsync("closing", CapturingConsoleApp.Password);
            await page.GotoAsync(path);
            await page.WaitForCircuitAsync();
            pages.Add(page);
        }

        await app.DisposeAsync();   // the host's StopAsync, then its container disposed
        await pages[1].ScreenshotAsync("graceful-stop-fax-after-stop");
        // What went wrong came after the stop, as the circuits' own timers fired: let several revalidation intervals (3 s)
        // and re-reads pass. Nothing is awaited that could end sooner: the failure is something happening.
        await Task.Delay(TimeSpan.FromSeconds(20));

        Assert.True(app.Events.Errors().Count == 0, string.Join("\n", app.Events.Errors()));
        // Closed first: every circuit ended while the services were there.
        var closed = Assert.Single(app.Events.Snapshot(),
            e => e.MessageTemplate.Text.StartsWith("Open circuits closed", StringComparison.Ordinal));
        Assert.Equal((Pages.Length.ToString(), Pages.Length.ToString()),
            (closed.Properties["Closed"].ToString(), closed.Properties["Count"].ToString()));
        foreach (var page in pages)
            await page.Context.CloseAsync();
    }
}
