using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>
/// The FAX queue and the FAX pane beside a form re-read when another agent or the watcher changes the inbox. When such a
/// re-read fails (here: a table of the inbox renamed away under the running console), the failure is logged and the page
/// says so — the queue that its list may be out of date, the pane that the agent must check the FAX is still theirs before
/// saving — and the next re-read that works clears it. The re-reads used to be fire-and-forget: every failure was lost.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FaxRefreshErrorTests(Support.Browser browser) : IAsyncLifetime
{
    private const string Agent = "refresh-desk";
    private readonly CapturingConsoleApp _app = new();

    public async Task InitializeAsync() => await _app.CreateStaffAsync(Agent, CapturingConsoleApp.Password, StaffRoles.DeskAgent, "更新 確認");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_queue_whose_re_read_fails_logs_it_and_says_its_list_may_be_out_of_date()
    {
        var page = await OpenAsync("fax");
        var english = await OpenAsync("fax", english: true);
        await Expect(page.GetByTestId("fax-none")).ToBeVisibleAsync();

        await SqliteTables.RenameAsync(_app.DataFolder, "FaxIntakeIssues", "FaxIntakeIssues_away");
        _app.Services.GetRequiredService<FaxInboxChanges>().Raise();

        await Expect(page.GetByTestId("refresh-failed")).ToContainTextAsync("表示を自動で更新できませんでした");
        await Expect(english.GetByTestId("refresh-failed")).ToContainTextAsync("could not be refreshed");
        Assert.Contains(_app.Events.Errors(), e => e.Contains("FaxQueue", StringComparison.Ordinal)
            && e.Contains("could not re-read", StringComparison.Ordinal));
        await page.ScreenshotAsync("fax-queue-refresh-failed");
        await english.ScreenshotAsync("fax-queue-refresh-failed-en");

        await SqliteTables.RenameAsync(_app.DataFolder, "FaxIntakeIssues_away", "FaxIntakeIssues");
        _app.Services.GetRequiredService<FaxInboxChanges>().Raise();
        await Expect(page.GetByTestId("refresh-failed")).ToHaveCountAsync(0);
        await Expect(english.GetByTestId("refresh-failed")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_pane_whose_re_read_fails_logs_it_and_tells_the_agent_to_check_the_FAX_before_saving()
    {
        File.WriteAllBytes(Path.Combine(_app.FaxDropFolder, "20261125093000_0399998888.png"), FaxFiles.Png());
        var page = await OpenAsync("fax");
        await page.GetByTestId("fax-claim").ClickAsync(new() { Timeout = 60_000 });
        await page.WaitForAddressAsync(new Regex(@"/fax/\d+$"));
        await Expect(page.GetByTestId("fax-beside")).ToBeVisibleAsync();

        await SqliteTables.RenameAsync(_app.DataFolder, "FaxPages", "FaxPages_away");
        _app.Services.GetRequiredService<FaxInboxChanges>().Raise();

        await Expect(page.GetByTestId("fax-refresh-failed")).ToContainTextAsync("受信FAX一覧で担当を確認してください");
        Assert.Contains(_app.Events.Errors(), e => e.Contains("FaxBeside", StringComparison.Ordinal)
            && e.Contains("could not re-read", StringComparison.Ordinal));
        await page.ScreenshotAsync("fax-pane-refresh-failed");

        await SqliteTables.RenameAsync(_app.DataFolder, "FaxPages_away", "FaxPages");
        _app.Services.GetRequiredService<FaxInboxChanges>().Raise();
        await Expect(page.GetByTestId("fax-refresh-failed")).ToHaveCountAsync(0);
    }

    private async Task<IPage> OpenAsync(string path, bool english = false)
    {
        var page = await browser.NewPageAsync(_app.BaseAddress, locale: english ? "en-US" : "ja-JP");
        if (english)
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US",
                Url = _app.BaseAddress.ToString() }]);
        await page.SignInAsync(Agent, CapturingConsoleApp.Password);
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
