using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.FaxInbox;

namespace SmartOffice.Console.Tests.Support;

/// <summary>A keying form as the desk uses it: a FAX dropped from a customer's number, claimed, sorted, the form beside its image.</summary>
public static class BesideFax
{
    /// <summary>
    /// Drops a one-page PDF from <paramref name="faxDigits"/> received a minute ago, claims it in the queue and sorts it as
    /// <paramref name="kind"/> (e.g. "Order", "ReturnRequest"): the page ends on that kind's form beside the FAX. The queue
    /// names the sender by <paramref name="customerCode"/> (matched by the number).
    /// </summary>
    public static async Task OpenAsync(IPage page, ConsoleApp app, string faxDigits, string customerCode, string kind)
    {
        var receivedAt = app.BusinessClock.Now.AddMinutes(-1);
        var name = $"{receivedAt.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}_{faxDigits}.pdf";
        await File.WriteAllBytesAsync(Path.Combine(app.FaxDropFolder, name + ".part"), FaxFiles.Pdf());
        File.Move(Path.Combine(app.FaxDropFolder, name + ".part"), Path.Combine(app.FaxDropFolder, name));

        await page.GotoAsync("fax");
        await page.WaitForCircuitAsync();
        var row = page.Locator("[data-testid=fax-row]").Filter(new() { Has = page.Locator("[data-testid=fax-claim]") })
            .Filter(new() { HasTextString = customerCode }).Last;
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await row.Locator("[data-testid=fax-claim]").ClickAsync();
        await page.WaitForAddressAsync(new Regex(@"/fax/\d+$"));
        await page.Locator($"[data-testid=sort-{kind}]").ClickAsync();
        await page.WaitForAddressAsync(new Regex(@"\?fax=\d+$"));
        await page.WaitForCircuitAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=fax-page]'); return i && i.complete && i.naturalWidth > 0; }");
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
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth || [...document.querySelectorAll('.fax-form *')].some(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible' && getComputedStyle(e).overflowX !== 'hidden')");
}
