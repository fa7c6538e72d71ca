using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.FaxInbox;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.Support;

/// <summary>A keying form as the desk uses it: a FAX dropped from a customer's number, claimed, sorted, the form beside
/// its image.</summary>
public static class BesideFax
{
    /// <summary>
    /// Drops a one-page PDF from <paramref name="faxDigits"/> received a minute ago, claims it on its own page and sorts it as
    /// <paramref name="kind"/> (e.g. "Order", "ReturnRequest"): the page ends on that kind's form beside the FAX, for the
    /// customer <paramref name="customerCode"/> matched by the number.
    /// </summary>
    public static async Task OpenAsync(IPage page, ConsoleApp app, string faxDigits, string customerCode, string kind)
    {
        var receivedAt = app.BusinessClock.Now.AddMinutes(-1);
        var name = $"{receivedAt.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}_{faxDigits}.pdf";
        await File.WriteAllBytesAsync(Path.Combine(app.FaxDropFolder, name + ".part"), FaxFiles.Pdf());
        File.Move(Path.Combine(app.FaxDropFolder, name + ".part"), Path.Combine(app.FaxDropFolder, name));

        // Straight to the FAX by its id once imported, not through the queue (whose journey is FaxInboxBrowserTests'): in a
        // fresh-clone run the queue's row for the new FAX did not appear within 15 s once, under load.
        var (id, sender) = await ImportedAsync(app, name);
        Assert.Equal(customerCode, sender);
        await page.GotoAsync($"fax/{id}");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=fax-claim]").ClickAsync();
        await page.Locator($"[data-testid=sort-{kind}]").ClickAsync();
        await page.WaitForAddressAsync(new Regex(@"\?fax=\d+$"));
        await page.WaitForCircuitAsync();
        await page.WaitForFunctionAsync(
            "() => { const i = document.querySelector('[data-testid=fax-page]'); return i && i.complete && i.naturalWidth > 0; }");
    }

    /// <summary>The inbox id of the dropped file once the watcher has imported it, and the code of the customer its
    /// number matched.</summary>
    private static async Task<(int Id, string? Sender)> ImportedAsync(ConsoleApp app, string fileName)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>();
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(15); waited += TimeSpan.FromMilliseconds(200))
        {
            await using var db = await contexts.CreateDbContextAsync();
            var item = await db.FaxInboxItems.Where(f => f.FileName == fileName)
                .Select(f => new { f.Id, Sender = db.Customers.Where(c => c.Id == f.CustomerId).Select(c => c.Code).FirstOrDefault() })
                    .FirstOrDefaultAsync();
            if (item is not null)
                return (item.Id, item.Sender);
            await Task.Delay(200);
        }
        throw new TimeoutException($"{fileName} was not imported into the FAX inbox within 15 s");
    }

    /// <summary>Whether the element is wholly inside the window as it is scrolled now (what the agent sees without scrolling).</summary>
    public static async Task<bool> InViewAsync(ILocator element)
    {
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException("not rendered");
        var height = await element.Page.EvaluateAsync<int>("() => window.innerHeight");
        return box.Y >= 0 && box.Y + box.Height <= height;
    }

    /// <summary>Whether the page scrolls sideways (a form wider than the window beside the FAX).</summary>
    public static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>(
            "() => document.documentElement.scrollWidth > window.innerWidth || [...document.querySelectorAll('.fax-form *')].some(e => " +
            "e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible' && getComputedStyle(e).overflowX !== " +
            "'hidden')");
}
