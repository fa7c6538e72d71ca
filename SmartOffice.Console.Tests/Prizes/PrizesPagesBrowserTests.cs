using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using static SmartOffice.Console.Tests.Points.PointsPagesBrowserTests;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;

namespace SmartOffice.Console.Tests.Prizes;

[Collection(BrowserCollection.Name)]
public sealed class PrizesPagesBrowserTests(ConsoleApp app, Support.Browser browser)
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

    /// <summary>A FAX customer's department account that can afford the cheapest available prize, and that prize.</summary>
    private async Task<(string Code, string Department, string Prize, string PrizeCode)> ApplicantAsync(int skip)
    {
        await using var db = Demo();
        var today = app.BusinessClock.Today;
        var prize = await db.Prizes.AsNoTracking().Where(p => p.Stock > 5 && p.ActiveFrom <= today && (p.ActiveTo == null
            || p.ActiveTo >= today))
            .OrderBy(p => p.PointCost).FirstAsync();
        var account = await (from a in db.PointAccounts.AsNoTracking()
                             where a.Kind == PointAccountKind.Department
                             join d in db.Departments on a.DepartmentId equals d.Id
                             join c in db.Customers on d.CustomerId equals c.Id
                             where !c.PointsOptedOut
                             let points = db.PointLots.Where(l => l.PointAccountId == a.Id && l.ValidThrough >= today).Sum(l => l.Remaining)
                             where points >= prize.PointCost * 2
                             orderby a.Id
                             select new { c.Code, Department = d.Name }).Skip(skip).FirstAsync();
        return (account.Code, account.Department, prize.Name, prize.Code);
    }

    /// <summary>Keys the customer code, picks the department's FAX account and the prize.</summary>
    private static async Task KeyApplicationAsync(IPage page, (string Code, string Department, string Prize, string PrizeCode) applicant,
        bool english)
    {
        await Assertions.Expect(page.Locator(Field("apply-customer-code"))).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(applicant.Code);
        await page.Keyboard.PressAsync("Tab");   // leaving the code looks up the customer's accounts
        await Assertions.Expect(page.Locator("[data-testid=apply-balance]")).ToBeVisibleAsync();
        await Pick(page, "apply-account", applicant.Department, english ? "Department account" : "部署口座",
            english ? "Point account" : "ポイント口座");
        await Assertions.Expect(page.Locator("[data-testid=apply-balance]")).ToBeVisibleAsync();
        // The prize by its code, as the order grid takes a product (it took a ↓ press per prize): typed in lower case and
        // full-width as a FAX gives it, the list narrows to it and Enter chooses it.
        await page.Locator(Field("apply-prize")).FocusAsync();
        await page.Keyboard.TypeAsync(Wide(applicant.PrizeCode.ToLowerInvariant()));
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToContainTextAsync(applicant.PrizeCode);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(Field("apply-prize"))).ToHaveValueAsync($"{applicant.PrizeCode} {applicant.Prize}");
    }


    /// <summary>Full-width (全角) letters and digits, as an IME leaves them.</summary>
    private static string Wide(string text) => string.Concat(text.Select(c => c is >= '!' and <= '~' ? (char)(c - '!' + '！') : c));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_desk_agent_keys_a_FAX_prize_application_and_moves_it_to_shipped(bool english)
    {
        var applicant = await ApplicantAsync(english ? 1 : 0);
        var page = await OpenAsync(english ? DemoStaff.DeskAgent2 : DemoStaff.DeskAgent, "prizes/applications", english);
        var suffix = english ? "desk-en" : "desk";
        await Assertions.Expect(page.Locator(Field("apply-customer-code"))).ToBeFocusedAsync();
        await page.ScreenshotAsync($"prizes-backlog-{suffix}");

        await KeyApplicationAsync(page, applicant, english);
        await page.ScreenshotAsync($"prizes-apply-{suffix}");
        await page.ClickAsync("[data-testid=apply-button]");

        await Assertions.Expect(page.Locator("[data-testid=application-number]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=application-status]")).ToHaveTextAsync(english ? "Received" : "受付");
        await page.ClickAsync("[data-testid=arrange]");
        await Assertions.Expect(page.Locator("[data-testid=application-status]")).ToHaveTextAsync(english ? "Arranged" : "手配中");
        await Assertions.Expect(page.Locator(Field("carrier"))).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("ヤマト運輸");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("4000-1111-2222");
        await page.ScreenshotAsync($"prizes-ship-{suffix}");
        await page.Keyboard.PressAsync("Control+Enter");

        await Assertions.Expect(page.Locator("[data-testid=application-status]")).ToHaveTextAsync(english ? "Shipped" : "発送済");
        await Assertions.Expect(page.Locator("[data-testid=detail-carrier]")).ToHaveTextAsync("ヤマト運輸 4000-1111-2222");
        await Assertions.Expect(page.Locator("[data-testid=history] tbody tr")).ToHaveCountAsync(3);
        await page.ScreenshotAsync($"prizes-shipped-{suffix}");
    }

    [Fact]
    public async Task A_desk_agent_cancels_an_application_after_confirming_and_the_points_come_back()
    {
        var applicant = await ApplicantAsync(2);
        var page = await OpenAsync(DemoStaff.DeskAgent, "prizes/applications");
        await KeyApplicationAsync(page, applicant, english: false);
        var before = await page.Locator("[data-testid=apply-balance]").InnerTextAsync();
        await page.ClickAsync("[data-testid=apply-button]");
        await Assertions.Expect(page.Locator("[data-testid=application-number]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=application-status]")).ToHaveTextAsync("受付");

        await page.FillAsync(Field("cancel-reason"), "お客様のご都合");
        await page.ClickAsync("[data-testid=cancel]");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("同じロットに戻り");
        await page.ScreenshotAsync("prizes-cancel-confirm-desk");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "申請を取り消す" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=application-status]")).ToHaveTextAsync("取消");

        await page.GotoAsync("prizes/applications");
        await page.WaitForCircuitAsync();
        await KeyApplicationAsync(page, applicant, english: false);
        await Assertions.Expect(page.Locator("[data-testid=apply-balance]")).ToHaveTextAsync(before);
    }

    [Fact]
    public async Task A_supervisor_edits_the_catalog_and_a_dealer_rep_only_reads_it()
    {
        var page = await OpenAsync(DemoStaff.Supervisor, "prizes");
        await Assertions.Expect(page.Locator("[data-testid=prize-row]").First).ToBeVisibleAsync();
        await page.Locator("[data-testid=prize-edit]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=prize-form]")).ToBeVisibleAsync();
        await page.ScreenshotAsync("prizes-catalog-super");
        // Typed and saved with Ctrl+Enter while still in the field: the save gets what was typed (the stock, unchanged here,
        // so the other tests' prizes stay as they are).
        var stock = page.Locator(Field("prize-stock"));
        var current = await stock.InputValueAsync();
        await stock.FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(current);
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasTextString = "賞品を保存しました" })).ToBeVisibleAsync();

        var dealer = await OpenAsync(DemoStaff.DealerRep, "prizes", english: true);
        await Assertions.Expect(dealer.Locator("[data-testid=prize-row]").First).ToBeVisibleAsync();
        await Assertions.Expect(dealer.Locator("[data-testid=prize-edit]")).ToHaveCountAsync(0);
        await Assertions.Expect(dealer.Locator("[data-testid=prize-new]")).ToHaveCountAsync(0);
        await dealer.ScreenshotAsync("prizes-catalog-dealer-en");
    }
}
