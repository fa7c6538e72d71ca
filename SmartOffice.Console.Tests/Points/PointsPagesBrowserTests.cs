using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;

namespace SmartOffice.Console.Tests.Points;

[Collection(BrowserCollection.Name)]
public sealed class PointsPagesBrowserTests(ConsoleApp app, Support.Browser browser)
{
    private SqliteSmartOfficeDbContext Demo() => new(new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>()
        .UseSqlite($"Data Source={Path.Combine(app.DataFolder, "console.db")}").Options);

    private async Task<IPage> OpenAsync(string staff, string path, bool english = false)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: english ? "en-US" : "ja-JP");
        if (english)
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US",
                Url = app.BaseAddress.ToString() }]);
        await page.SignInAsync(staff, DemoStaff.Password);
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }

    [Fact]
    public async Task A_desk_agent_answers_a_FAX_balance_request_and_prints_the_reply_sheet()
    {
        // A FAX customer (department account) with points, as the form would name it.
        string code, department;
        int balance;
        await using (var db = Demo())
        {
            var today = app.BusinessClock.Today;
            var account = await (from a in db.PointAccounts.AsNoTracking()
                                 where a.Kind == PointAccountKind.Department
                                 join d in db.Departments on a.DepartmentId equals d.Id
                                 join c in db.Customers on d.CustomerId equals c.Id
                                 let points = db.PointLots.Where(l => l.PointAccountId == a.Id && l.ValidThrough >= today)
                                     .Sum(l => l.Remaining)
                                 where points > 0
                                 orderby a.Id
                                 select new { c.Code, Department = d.Name, Balance = points }).FirstAsync();
            (code, department, balance) = (account.Code, account.Department, account.Balance);
        }

        var page = await OpenAsync(DemoStaff.DeskAgent, "points/requests");
        await Assertions.Expect(page.Locator(Field("request-customer-code"))).ToBeFocusedAsync();
        // Whether the demo data has an open request depends on the time of day it was generated, so none is assumed here.
        await page.ScreenshotAsync("points-requests-desk");

        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Enter");   // leaving the code looks up the customer's departments
        await Assertions.Expect(page.Locator("[data-testid=request-customer-name]")).Not.ToBeEmptyAsync();
        await Pick(page, "request-department", department);
        // The time printed on the FAX, a minute ago by the app's clock (Japan time), full-width as an IME types it.
        var faxTime = app.BusinessClock.Now.AddMinutes(-1);
        var wide = new string(faxTime.ToString("HH:mm").Select(c => c == ':' ? '：' : (char)(c - '0' + '０')).ToArray());
        await page.FillAsync(Field("request-time"), wide);
        await page.ScreenshotAsync("points-request-form-desk");
        await page.ClickAsync("[data-testid=request-register]");

        var sheet = page.Locator("[data-testid=reply-sheet]");
        await Assertions.Expect(sheet).ToContainTextAsync("ポイント残高のお知らせ");
        await Assertions.Expect(page.Locator("[data-testid=sheet-balance]")).ToHaveTextAsync($"{balance:N0} ポイント");
        await Assertions.Expect(sheet).ToContainTextAsync($"{faxTime:H:mm} に受信いたしました");
        await Assertions.Expect(sheet).ToContainTextAsync("0120-956-808");
        await page.ScreenshotAsync("points-reply-sheet-desk");

        // What the printer gets: the sheet alone on A4, without the console around it.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator("[data-testid=mark-sent]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await page.SetViewportSizeAsync(794, 1123);   // A4 at 96 dpi
        await page.ScreenshotAsync("points-reply-sheet-print");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = false });
        Assert.True(pdf.Length > 1000);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.SetViewportSizeAsync(1366, 768);

        await page.ClickAsync("[data-testid=mark-sent]");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasTextString = "送信済にしました" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=sheet-status]")).ToHaveTextAsync("送信済");
        await Assertions.Expect(page.Locator("[data-testid=mark-sent]")).ToHaveCountAsync(0);

        // The reply goes to the customer: Japanese whatever the agent's language; only the buttons around it are English.
        var english = await OpenAsync(DemoStaff.DeskAgent2, new Uri(page.Url).PathAndQuery.TrimStart('/'), english: true);
        await Assertions.Expect(english.Locator("[data-testid=reply-sheet]")).ToContainTextAsync("ポイント残高のお知らせ");
        await Assertions.Expect(english.Locator("[data-testid=sheet-balance]")).ToHaveTextAsync($"{balance:N0} ポイント");
        await Assertions.Expect(english.Locator("[data-testid=print]")).ToHaveTextAsync("Print");
        await english.ScreenshotAsync("points-reply-sheet-desk-en");
    }

    [Fact]
    public async Task The_account_view_shows_balance_expiry_schedule_and_history_in_Japanese_and_English()
    {
        var page = await OpenAsync(DemoStaff.Supervisor, "points");
        await Assertions.Expect(page.Locator(Field("search"))).ToBeFocusedAsync();
        await page.ScreenshotAsync("points-accounts-super");
        await page.Locator("[data-testid=account-link]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=balance]")).ToContainTextAsync("pt");
        await Assertions.Expect(page.Locator("[data-testid=schedule] tbody tr")).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator("[data-testid=adjust]")).ToBeVisibleAsync();
        // History is newest first: the first row is the account's newest ledger entry, whatever kind it is
        // (on the 1st of a month it is often the night's expiry, not an earning).
        var id = int.Parse(new Uri(page.Url).Segments[^1]);
        await using (var db = Demo())
        {
            var newest = await db.PointLedger.AsNoTracking().Where(e => e.PointAccountId == id)
                .OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).FirstAsync();
            var firstRow = page.Locator("[data-testid=history] tbody tr").First;
            await Assertions.Expect(firstRow).ToContainTextAsync(newest.BusinessDate.ToString("yyyy/MM/dd"));
            await Assertions.Expect(firstRow).ToContainTextAsync(newest.Points.ToString("+#,0;-#,0;0"));
        }
        await Assertions.Expect(page.Locator("[data-testid=history] tbody tr", new() { HasTextString = "獲得" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync("points-account-super");

        var english = await OpenAsync(DemoStaff.DeskAgent, page.Url.Replace(app.BaseAddress.ToString(), ""), english: true);
        await Assertions.Expect(english.Locator("[data-testid=schedule]")).ToContainTextAsync("Expiry schedule");
        await Assertions.Expect(english.Locator("[data-testid=adjust]")).ToHaveCountAsync(0);   // supervisors only
        await Assertions.Expect(english.Locator("[data-testid=consolidate]")).ToBeVisibleAsync();
        await english.ScreenshotAsync("points-account-desk-en");
    }

    /// <summary>Opens a MudSelect (unless Enter already opened it) and picks the item with <paramref name="text"/>.</summary>
    internal static async Task Pick(IPage page, string testId, string text, string? alsoText = null, string? label = null)
    {
        var items = page.Locator(".mud-popover-open .mud-list-item");
        // Enter on the field before may already have opened the list (MudSelect opens on the key-up).
        try
        {
            await items.First.WaitForAsync(new() { Timeout = 1_500 });
        }
        catch (TimeoutException)
        {
            // A select holding a value no longer exposes its input: find it by its label then.
            var control = label is null
                ? page.Locator("div.mud-input-control.mud-select").Filter(new() { Has = page.Locator(Field(testId)) })
                : page.Locator("div.mud-input-control.mud-select").Filter(new() { HasTextString = label });
            await control.First.ClickAsync();
        }
        var item = items.Filter(new() { HasTextString = text });
        if (alsoText is not null)
            item = item.Filter(new() { HasTextString = alsoText });
        try
        {
            await item.First.ClickAsync(new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync($"pick-failed-{testId}");
            throw;
        }
        await Assertions.Expect(items).ToHaveCountAsync(0);
    }

    internal static string Field(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";
}
