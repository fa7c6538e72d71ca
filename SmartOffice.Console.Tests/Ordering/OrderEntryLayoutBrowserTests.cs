using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// Order entry beside the FAX at 1366×768, as the desk keys it: a refusal about the header shows next to its field and in a
/// summary in view, the focus on the field at fault (a Sunday delivery date showed 1,044 px down, so Ctrl+Enter seemed to do nothing).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrderEntryLayoutBrowserTests(ConsoleApp app, Support.Browser browser)
{
    private SqliteSmartOfficeDbContext Database() =>
        app.BaseAddress is null ? throw new InvalidOperationException()
            : new(new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>()
                .UseSqlite($"Data Source={Path.Combine(app.DataFolder, "console.db")}").Options);

    /// <summary>A FAX customer the number names alone, one department without budget, no locks, no FAX in the inbox yet.</summary>
    private async Task<(string Code, string FaxDigits)> SenderAsync(int skip)
    {
        await using var db = Database();
        var locked = db.OrderLocks.Select(l => l.CustomerId);
        var shared = db.Customers.GroupBy(c => c.FaxDigits).Where(g => g.Count() > 1).Select(g => g.Key);
        var used = db.FaxInboxItems.Where(f => f.SenderFax != null).Select(f => f.SenderFax);
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.IsActive && c.FaxDigits != null && !shared.Contains(c.FaxDigits) && !used.Contains(c.FaxDigits)
                && !locked.Contains(c.Id)
                        && c.Departments.Count(d => d.IsActive) == 1 && c.Departments.All(d => d.MonthlyBudget == null))
            .OrderBy(c => c.Id).Skip(200 + skip).Select(c => new { c.Code, c.FaxDigits }).FirstAsync();
        return (customer.Code, customer.FaxDigits!);
    }

    private async Task<string> ProductCodeAsync()
    {
        await using var db = Database();
        return await db.Products.AsNoTracking().Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard && p.StockOnHand > 50)
            .OrderBy(p => p.Id).Skip(3).Select(p => p.Code).FirstAsync();
    }

    private async Task<IPage> BesideFaxAsync(int skip, bool english = false)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: english ? "en-US" : "ja-JP");
        if (english)
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US",
                Url = app.BaseAddress.ToString() }]);
        await page.SignInAsync(DemoStaff.DeskAgent, DemoStaff.Password);
        var (code, fax) = await SenderAsync(skip);
        await BesideFax.OpenAsync(page, app, fax, code, "Order");
        await Assertions.Expect(page.Locator("[data-testid=customer-card]")).ToContainTextAsync(code);
        return page;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_Sunday_delivery_date_is_refused_in_view_next_to_its_field_and_the_focus_goes_there(bool english)
    {
        var page = await BesideFaxAsync(english ? 1 : 0, english);
        var sunday = app.BusinessClock.Today.AddDays(14);
        while (sunday.DayOfWeek != DayOfWeek.Sunday)
            sunday = sunday.AddDays(1);
        await page.FillAsync("#requested-date", sunday.ToString("M/d", CultureInfo.InvariantCulture));
        await page.Locator(OrderLine(0, "code")).FillAsync(await ProductCodeAsync());
        await page.Locator(OrderLine(0, "qty")).FillAsync("2");
        await page.Keyboard.PressAsync("Control+Enter");

        var summary = page.Locator("[data-testid=save-error]");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        Assert.True(await BesideFax.InViewAsync(summary), "the refusal summary is below the fold");
        await Assertions.Expect(page.Locator("#requested-date")).ToBeFocusedAsync();
        var atField = page.Locator("[data-testid=requested-error]");
        await Assertions.Expect(atField).ToBeVisibleAsync();
        Assert.True(await BesideFax.InViewAsync(atField));
        // Each refusal once: the date's problem is not repeated in the summary.
        var items = await summary.Locator("li").AllInnerTextsAsync();
        Assert.Equal(items.Count, items.Distinct().Count());
        await page.ScreenshotAsync(english ? "layout-order-beside-fax-refused-en" : "layout-order-beside-fax-refused");
    }

    [Fact]
    public async Task A_received_date_that_is_no_date_says_so_in_the_summary_not_to_enter_the_customer()
    {
        var page = await BesideFaxAsync(2);
        await page.FillAsync("#received-date", "13/45");
        await page.Keyboard.PressAsync("Tab");

        await Assertions.Expect(page.Locator("[data-testid=received-error]")).ToBeVisibleAsync();
        var hint = page.Locator("[data-testid=summary-empty]");
        await Assertions.Expect(hint).Not.ToContainTextAsync("お客様・部署");
        await Assertions.Expect(hint).ToContainTextAsync("FAX受信日時");
        await page.Keyboard.PressAsync("Control+Enter");
        Assert.True(await BesideFax.InViewAsync(page.Locator("[data-testid=save-error]")));
        await Assertions.Expect(page.Locator("#received-date")).ToBeFocusedAsync();
    }

    /// <summary>In English the form was 1,388 px wide in a 1366 px window: it scrolled sideways and the Amount column was cut.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_form_with_a_priced_line_fits_beside_the_FAX_in_both_languages(bool english)
    {
        var page = await BesideFaxAsync(english ? 5 : 4, english);
        await page.Locator(OrderLine(0, "code")).FillAsync(await ProductCodeAsync());
        await page.Locator(OrderLine(0, "qty")).FillAsync("2");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-testid=line]").First.Locator("td").Last)
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d"));

        Assert.False(await BesideFax.ScrollsSidewaysAsync(page), "order entry scrolls sideways beside the FAX: " + string.Join("; ",
            await Layout.PastTheWindowAsync(page)));
        var width = await page.EvaluateAsync<int>("() => window.innerWidth");
        var amount = await page.Locator(".line-grid thead th").Last.BoundingBoxAsync();
        Assert.True(amount!.X + amount.Width <= width, $"Amount ends at {amount.X + amount.Width} px of {width}");
        Assert.Empty(await Layout.CutOffAsync(page.Locator(".line-grid thead th")));
        await page.ScreenshotAsync(english ? "layout-order-beside-fax-en" : "layout-order-beside-fax");
    }

    [Fact]
    public async Task Five_digits_fit_the_quantity_box()
    {
        var page = await BesideFaxAsync(3);
        await page.Locator(OrderLine(0, "qty")).FillAsync("99999");
        var clipped = await page.Locator(OrderLine(0, "qty")).EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth");
        Assert.False(clipped, "99999 is clipped in the quantity box");
    }

    private static string OrderLine(int index, string field) => $"[data-line=\"{index}\"] [data-field={field}]";
}
