using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>
/// The point balance request and prize application forms beside their FAX at 1366×768, in Japanese, as the desk keys them:
/// the whole form and its button beside the image, nothing scrolling sideways, no word of the list under it broken a character
/// or two a line. With the order and return forms
/// (<c>OrderEntryLayoutBrowserTests</c>, <c>ReturnEntryLayoutBrowserTests</c>) every keying page has its screenshot
/// beside the FAX (layout-*-beside-fax).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BesideFaxLayoutBrowserTests(ConsoleApp app, Support.Browser browser)
{
    private SqliteSmartOfficeDbContext Database() => new(new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>()
        .UseSqlite($"Data Source={Path.Combine(app.DataFolder, "console.db")}").Options);

    /// <summary>A customer with a point account whose FAX number names it alone and has sent no FAX yet.</summary>
    private async Task<(string Code, string FaxDigits)> CustomerWithPointsAsync(int skip)
    {
        await using var db = Database();
        var shared = db.Customers.GroupBy(c => c.FaxDigits).Where(g => g.Count() > 1).Select(g => g.Key);
        var used = db.FaxInboxItems.Where(f => f.SenderFax != null).Select(f => f.SenderFax);
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.FaxDigits != null && !shared.Contains(c.FaxDigits) && !used.Contains(c.FaxDigits)
                        && db.PointAccounts.Any(a => db.Departments.Any(d => d.Id == a.DepartmentId && d.CustomerId == c.Id)))
            .OrderBy(c => c.Id).Skip(skip).Select(c => new { c.Code, c.FaxDigits }).FirstAsync();
        return (customer.Code, customer.FaxDigits!);
    }

    [Theory]
    [InlineData("BalanceRequest", "request-customer-code", "request-register", "layout-balance-beside-fax")]
    [InlineData("PrizeApplication", "apply-customer-code", "apply-button", "layout-prize-beside-fax")]
    public async Task The_form_and_its_button_fit_beside_the_FAX(string kind, string customerField, string button, string screenshot)
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.DeskAgent, DemoStaff.Password);
        var (code, fax) = await CustomerWithPointsAsync(kind == "BalanceRequest" ? 0 : 1);
        await BesideFax.OpenAsync(page, app, fax, code, kind);

        var codeInput = page.Locator($"input[data-testid={customerField}], [data-testid={customerField}] input").First;
        await codeInput.FillAsync(code);
        await codeInput.PressAsync("Tab");
        await page.ScreenshotAsync(screenshot);

        Assert.True(await page.Locator("[data-testid=fax-page]").IsVisibleAsync(), "the FAX is beside the form");
        Assert.False(await BesideFax.ScrollsSidewaysAsync(page),
            $"{kind} scrolls sideways beside the FAX: " + string.Join("; ", await Layout.PastTheWindowAsync(page)));
        // The list under the form: 回答票 went one character a line, 広島 / 事業 / 所, エクス / ポート.
        var fewest = await Layout.FewestCharactersPerWrappedLineAsync(
            page.Locator(".fax-form th, .fax-form td, .fax-form .mud-button-root, .fax-form h5"));
        Assert.True(fewest is 0 or >= 2.5, $"{kind} beside the FAX wraps at {fewest:0.0} characters a line");
        Assert.Empty(await Layout.CutOffAsync(page.Locator($"[data-testid={button}]")));
        // The title's buttons too (ポイント口座 was squeezed past the edge beside the FAX).
        Assert.Empty(await Layout.CutOffAsync(page.Locator(".fax-form button:visible, .fax-form a.mud-button-root:visible")
            .Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"\w") })));
        Assert.True(await BesideFax.InViewAsync(page.Locator($"[data-testid={button}]")), "the form's button is below the fold");
    }
}
