using System.Text;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using static SmartOffice.Console.Tests.Warehouse.WarehouseTestData;

namespace SmartOffice.Console.Tests.Warehouse;

/// <summary>The /warehouse page in Chromium at 1366×768: a refused results file shows as an alert naming its bad row,
/// in Japanese and English.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WarehousePageBrowserTests(ConsoleApp app, Support.Browser browser)
{
    private void DropBadFile(string name)
    {
        var folder = Path.Combine(app.DataFolder, "warehouse", "results");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name),
            Bytes($"{WarehouseTestData.Header}\r\n999999,1,1,2026/11/20,N0001,ヤマト運輸,1111-2222,\r\n", new UTF8Encoding(true)));
    }

    [Theory]
    [InlineData("ja-JP", "1行目", "出荷番号 999999 の行 1 はありません。")]
    [InlineData("en-US", "Row 1", "Shipment 999999 has no line 1.")]
    public async Task A_supervisor_sees_a_refused_file_with_its_bad_row_named(string culture, string row, string problem)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: culture, width: 1366, height: 768);
        await page.SignInAsync(DemoStaff.Supervisor, DemoStaff.Password);
        await page.GotoAsync($"culture?culture={culture}&returnUrl=%2Fwarehouse");
        await page.WaitForCircuitAsync();
        DropBadFile($"R_{culture}.csv");

        await page.Locator("[data-testid=scan-now]").ClickAsync();

        var alert = page.Locator("[data-testid=alert]", new() { HasText = $"R_{culture}.csv" });
        await Assertions.Expect(alert).ToContainTextAsync(row, new() { Timeout = 15_000 });
        await Assertions.Expect(alert).ToContainTextAsync(problem);
        await Assertions.Expect(page.Locator("[data-testid=imports]")).ToContainTextAsync($"R_{culture}.csv");
        await page.ScreenshotAsync($"warehouse-supervisor-{culture}");
    }

    [Fact]
    public async Task A_desk_agent_is_refused_the_warehouse_page()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.DeskAgent, DemoStaff.Password);
        await page.GotoAsync("warehouse");
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
    }
}
