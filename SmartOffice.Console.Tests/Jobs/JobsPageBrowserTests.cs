using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.Jobs;

[Collection(BrowserCollection.Name)]
public sealed class JobsPageBrowserTests(FiringConsoleApp app, ConsoleApp standbyApp, Support.Browser browser)
    : IClassFixture<FiringConsoleApp>
{
    [Fact]
    public async Task A_supervisor_sees_every_cutoff_in_Japan_time_and_runs_one_now_after_confirming()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.Supervisor, DemoStaff.Password);
        await page.GotoAsync("jobs");
        await page.WaitForCircuitAsync();

        var faxHonshu = page.Locator("tr", new() { Has = page.Locator("[data-job=cutoff-fax-Honshu]") });
        await Assertions.Expect(faxHonshu).ToContainTextAsync("締め処理：FAX 本州");
        await Assertions.Expect(faxHonshu).ToContainTextAsync("17:00 → 17:30");
        await Assertions.Expect(faxHonshu).ToContainTextAsync("稼働中");
        await Assertions.Expect(page.Locator("[data-job=point-expiry]")).ToContainTextAsync("ポイント失効");
        await Assertions.Expect(page.Locator("[data-testid=scheduler-standby]")).ToHaveCountAsync(0);

        await faxHonshu.Locator("[data-testid=run-cutoff-fax-Honshu]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("締め済みのバッチが再び締められることはありません");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "今すぐ実行" }).ClickAsync();

        var runs = page.Locator("[data-testid=runs-table]");
        await Assertions.Expect(runs).ToContainTextAsync("手動", new() { Timeout = 15_000 });
        await Assertions.Expect(runs.Locator("tbody tr").First).ToContainTextAsync("締め処理：FAX 本州");
        await Assertions.Expect(page.Locator("[data-testid=batches-table]")).ToContainTextAsync(".csv");
        await page.ScreenshotAsync("jobs-supervisor");

        // Run again: the batches are closed, so nothing changes and the record says so.
        await faxHonshu.Locator("[data-testid=run-cutoff-fax-Honshu]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "今すぐ実行" }).ClickAsync();
        await Assertions.Expect(runs.Locator("tbody tr").First.Locator("[data-outcome]"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("処理済み（変更なし）|受付日でないため締めなし"), new() { Timeout = 15_000 });

        await faxHonshu.Locator("[data-testid=pause-cutoff-fax-Honshu]").ClickAsync();
        await Assertions.Expect(faxHonshu).ToContainTextAsync("一時停止中");
        await faxHonshu.Locator("[data-testid=pause-cutoff-fax-Honshu]").ClickAsync();
        await Assertions.Expect(faxHonshu).ToContainTextAsync("稼働中");
    }

    [Fact]
    public async Task The_jobs_page_reads_in_English_and_says_when_the_scheduler_is_in_standby()
    {
        var page = await browser.NewPageAsync(standbyApp.BaseAddress, locale: "en-US", width: 1366, height: 768);
        await page.SignInAsync(DemoStaff.Administrator, DemoStaff.Password);
        await page.GotoAsync("culture?culture=en-US&returnUrl=%2Fjobs");
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.Locator("[data-testid=scheduler-standby]")).ToContainTextAsync("standby");
        await Assertions.Expect(page.Locator("[data-job=cutoff-web-Honshu]")).ToContainTextAsync("Cutoff: Web");
        await page.ScreenshotAsync("jobs-administrator-en");
    }

    [Fact]
    public async Task A_desk_agent_is_refused_the_jobs_page()
    {
        var page = await browser.NewPageAsync(standbyApp.BaseAddress);
        await page.SignInAsync(DemoStaff.DeskAgent, DemoStaff.Password);
        await page.GotoAsync("jobs");
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
    }
}
