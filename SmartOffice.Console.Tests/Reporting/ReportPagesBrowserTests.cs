using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;

namespace SmartOffice.Console.Tests.Reporting;

[Collection(BrowserCollection.Name)]
public sealed class ReportPagesBrowserTests(ConsoleApp app, Support.Browser browser)
{
    /// <summary>The demo customer with the most non-voided order lines in the page's default range (the past 3 months).</summary>
    private async Task<(string Code, int Lines)> BusiestCustomerAsync()
    {
        _ = app.BaseAddress;
        var clock = app.Services.GetRequiredService<BusinessClock>();
        var since = clock.DayBounds(clock.Today.AddMonths(-3)).Start;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
        var busiest = await (from o in db.Orders
                             where o.Status != OrderStatus.Voided && o.ReceivedAt >= since
                             join l in db.OrderLines on o.Id equals l.OrderId
                             group l by o.CustomerId into g
                             orderby g.Count() descending
                             select new { CustomerId = g.Key, Lines = g.Count() }).FirstAsync();
        var code = await db.Customers.Where(c => c.Id == busiest.CustomerId).Select(c => c.Code).SingleAsync();
        return (code, busiest.Lines);
    }

    private static string Field(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";

    private static async Task ChooseCustomerAsync(IPage page, string code)
    {
        await page.Locator(Field("customer")).FillAsync(code);
        // The list opened on focus shows the first customers: wait for the search's answer (the code is unique), or the
        // click may land on an item the answer is replacing.
        var offered = page.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(offered).ToHaveCountAsync(1);
        await offered.Filter(new() { HasText = code }).ClickAsync();
        await Assertions.Expect(page.Locator(Field("customer"))).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"^{code} "));
    }

    [Fact]
    public async Task A_desk_agent_downloads_purchase_data_as_xlsx_that_matches_the_database()
    {
        var (code, lines) = await BusiestCustomerAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.DeskAgent, DemoStaff.Password);
        await page.GotoAsync("reports/purchases");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await ChooseCustomerAsync(page, code);
        await page.Locator("[data-testid=check]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=lines]")).ToContainTextAsync($"{lines:N0} 行");

        // The user's path: click the link, the browser saves the stream, the page shows progress and the outcome.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=download]").ClickAsync());
        var fileName = download.SuggestedFilename;
        var path = Path.Combine(app.DataFolder, fileName);
        await download.SaveAsAsync(path);
        await Assertions.Expect(page.Locator("[data-testid=done]")).ToContainTextAsync($"{lines:N0} 行", new() { Timeout = 15_000 });
        await page.ScreenshotAsync("reports-purchases-ja");

        Assert.StartsWith($"purchases_{code}_", fileName);
        using var document = SpreadsheetDocument.Open(path, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(lines + 1, rows.Count);
        Assert.Equal("購入日", rows[0].Elements<Cell>().First().InlineString!.InnerText);
        // Each row's order number is one of this customer's non-voided orders.
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
        var customerId = await db.Customers.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
        var numbers = (await db.Orders.Where(o => o.CustomerId == customerId && o.Status != OrderStatus.Voided).Select(o => o.OrderNumber)
            .ToListAsync()).ToHashSet();
        Assert.All(rows.Skip(1), r => Assert.Contains(r.Elements<Cell>().ElementAt(1).InlineString!.InnerText, numbers));
    }

    [Fact]
    public async Task The_purchase_page_refuses_a_range_beyond_15_months_and_reads_in_English()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: "en-US");
        await page.SignInAsync(DemoStaff.DealerRep, DemoStaff.Password);
        await page.GotoAsync("culture?culture=en-US&returnUrl=%2Freports%2Fpurchases");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        // A dealer rep finds only their own customers: the busiest one may belong to another dealer, so take the first offered.
        await page.Locator(Field("customer")).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await page.Locator(Field("from")).FillAsync("2020/01/01");
        await page.Locator(Field("from")).PressAsync("Tab");
        await page.Locator("[data-testid=check]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=error]")).ToContainTextAsync("past 15 months");
        await page.ScreenshotAsync("reports-purchases-en-refused");
    }

    [Fact]
    public async Task The_eco_and_operations_reports_show_charts_and_tables_in_Japanese_and_English()
    {
        var (code, _) = await BusiestCustomerAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.Supervisor, DemoStaff.Password);
        await page.GotoAsync("reports/eco");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await ChooseCustomerAsync(page, code);
        await page.Locator("[data-testid=show]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=eco-total]")).ToContainTextAsync("環境配慮");
        await Assertions.Expect(page.Locator("[data-testid='report-Eco.ByMonth'] svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("reports-eco-ja");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("[data-testid='report-Eco.ByMonth'] [data-testid=export]").ClickAsync());
        var path = Path.Combine(app.DataFolder, "eco.xlsx");
        await download.SaveAsAsync(path);
        using (var document = SpreadsheetDocument.Open(path, false))
            Assert.Equal("月別", document.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name!.Value);

        await page.GotoAsync("reports/operations");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("[data-testid='report-Ops.FaxByHour']")).ToContainTextAsync("締時刻前");
        await Assertions.Expect(page.Locator(".report-view")).ToHaveCountAsync(7);
        await page.ScreenshotAsync("reports-operations-ja");

        await page.GotoAsync("culture?culture=en-US&returnUrl=%2Freports%2Foperations");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("[data-testid='report-Ops.KeyingLead']")).ToContainTextAsync("Received → keyed");
        await page.ScreenshotAsync("reports-operations-en");
    }

    [Fact]
    public async Task A_desk_agent_is_refused_the_operations_reports_and_the_download_needs_a_sign_in()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.DeskAgent, DemoStaff.Password);
        await page.GotoAsync("reports/operations");
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();

        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await anonymous.GetAsync("reports/purchases/download?customer=1&from=2026-01-01&to=2026-01-31&format=Xlsx");
        // Sent to the sign-in page, never a file.
        Assert.Contains("signin", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("spreadsheetml", response.Content.Headers.ContentType?.MediaType ?? "");
    }
}
