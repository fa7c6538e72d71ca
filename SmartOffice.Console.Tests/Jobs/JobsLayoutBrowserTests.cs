using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.Jobs;

/// <summary>
/// /jobs at 1366×768 with the menu open: 「今すぐ実行」/「一時停止」 of every job in view. They were cut off at the table's edge
/// once a job had run: the last result's chip and time widen the row.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class JobsLayoutBrowserTests(ConsoleApp app, Support.Browser browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_jobs_buttons_are_whole_with_the_menu_open_after_a_run(bool english)
    {
        var page = await browser.OpenSignedInAsync(app, DemoStaff.Supervisor, DemoStaff.Password, "jobs", english);
        var buttons = page.Locator("[data-testid=jobs-table] [data-testid^=run-], [data-testid=jobs-table] [data-testid^=pause-]");
        await Microsoft.Playwright.Assertions.Expect(buttons.First).ToBeVisibleAsync();
        await RecordARunOfEveryJobAsync(await page.Locator("[data-job]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.job)"));
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-testid=jobs-table] [data-outcome]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(english ? "layout-jobs-en" : "layout-jobs");
        Assert.True(await page.Locator(".mud-drawer--open").IsVisibleAsync(), "the menu is open");

        Assert.Empty(await Layout.CutOffAsync(buttons));
        Assert.False(await Layout.ScrollsSidewaysAsync(page), "the jobs page scrolls sideways");
    }

    /// <summary>What a manual run leaves (the test console's scheduler is in standby): the widest outcome, once per job.</summary>
    private async Task RecordARunOfEveryJobAsync(string[] jobNames)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
        var now = app.BusinessClock.Now;
        foreach (var name in jobNames)
        {
            db.JobRuns.Add(new JobRun
            {
                JobName = name, BusinessKey = app.BusinessClock.Today.ToString("yyyy-MM-dd"), Trigger = JobRunTrigger.Manual,
                StartedAt = now, FinishedAt = now.AddSeconds(1), Outcome = JobRunOutcome.NothingToDo,
            });
        }
        await db.SaveChangesAsync();
    }
}
