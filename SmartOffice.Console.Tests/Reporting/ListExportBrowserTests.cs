using System.Text;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.Reporting;

/// <summary>
/// A list's export as its user does it, in Chromium at 1366×768: the order list filtered, then downloaded in each format from
/// the export control — each file holds the grid's headers and, first, the grid's rows; the three files hold the same. And the
/// audit page as a supervisor sees it, in Japanese and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ListExportBrowserTests(ConsoleApp app, Browser browser)
{
    [Fact]
    public async Task A_desk_agent_downloads_the_filtered_order_list_in_each_format()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.DeskAgent2, DemoStaff.Password);
        await page.GotoAsync("orders");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=search-channel]").SelectOptionAsync("Fax");
        await page.Locator("[data-testid=search-from]").FillAsync(app.BusinessClock.Today.AddDays(-7).ToString("yyyy/MM/dd"));
        await page.Locator("[data-testid=search]").ClickAsync();
        var numbers = page.Locator("[data-testid=order-link]");
        // Wait for the filtered grid: every number shown is a FAX order's (F…), none a Web order's.
        await Assertions.Expect(numbers).ToHaveCountAsync(25, new() { Timeout = 15_000 });
        await Assertions.Expect(
            page.Locator("[data-testid=order-link]", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^W") }))
            .ToHaveCountAsync(0, new() { Timeout = 15_000 });
        var shown = await numbers.AllInnerTextsAsync();
        var headers = (await page.Locator("[data-testid=orders] th").AllInnerTextsAsync()).Select(h => h.Trim()).Where(h => h.Length > 0)
            .ToList();
        await page.ScreenshotAsync("list-export-orders-ja");

        var files = new List<List<string[]>>();
        foreach (var (format, read) in new (string, Func<byte[], List<string[]>>)[]
                 {
                     ("Xlsx", ListExportTests.XlsxRows),
                     ("CsvUtf8", b => PurchaseExportTests.ParseCsv(Encoding.UTF8.GetString(b.AsSpan(3)))),
                     ("CsvShiftJis", b => PurchaseExportTests.ParseCsv(Encoding.GetEncoding(932).GetString(b))),
                 })
        {
            await page.Locator("[data-testid=export-format]").SelectOptionAsync(format);
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-download]").ClickAsync());
            var path = Path.Combine(app.DataFolder, download.SuggestedFilename);
            await download.SaveAsAsync(path);
            Assert.StartsWith("orders_", download.SuggestedFilename);
            Assert.EndsWith(format == "Xlsx" ? ".xlsx" : ".csv", download.SuggestedFilename);
            var rows = read(await File.ReadAllBytesAsync(path));
            Assert.Equal(headers, rows[0]);
            Assert.Equal(shown, rows.Skip(1).Take(25).Select(r => r[0]));
            files.Add(rows);
            await Assertions.Expect(page.Locator("[data-testid=export-done]"))
                .ToContainTextAsync($"{rows.Count - 1:N0}", new() { Timeout = 15_000 });
        }
        Assert.Equal(files[0], files[1]);
        Assert.Equal(files[0], files[2]);
        Assert.True(files[0].Count > 26, "the export holds every page, not the one shown");
    }

    [Fact]
    public async Task The_export_control_and_the_audit_page_read_in_English()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: "en-US");
        await page.SignInAsync(DemoStaff.Supervisor, DemoStaff.Password);
        await page.GotoAsync("culture?culture=en-US&returnUrl=%2Forders");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=list-export]")).ToContainTextAsync("Export");
        await Assertions.Expect(page.Locator("[data-testid=order-link]").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync("list-export-orders-en");

        await page.GotoAsync("audit");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("h5")).ToHaveTextAsync("Audit trail");
        await Assertions.Expect(page.Locator("[data-testid=audit-record-link]").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=audit-row]").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync("audit-en");
    }

    [Fact]
    public async Task A_supervisor_filters_the_audit_trail_and_opens_a_record()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.Supervisor, DemoStaff.Password);
        await page.GotoAsync("audit");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("[data-testid=audit-row]").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync("audit-ja");

        await page.Locator("[data-testid=audit-kind]").SelectOptionAsync("Order");
        await page.Locator("[data-testid=audit-search]").ClickAsync();
        var links = page.Locator("[data-testid=audit-record-link]");
        await Assertions.Expect(links.First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=audit-row]").First).ToContainTextAsync("注文");
        await page.ScreenshotAsync("audit-ja-orders");
        var number = await links.First.InnerTextAsync();
        await links.First.ClickAsync();
        await page.WaitForAddressAsync(new System.Text.RegularExpressions.Regex(@"/orders/\d+$"));
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("[data-testid=history] [data-testid=audit-row]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("order-detail-history-ja");
    }
}
