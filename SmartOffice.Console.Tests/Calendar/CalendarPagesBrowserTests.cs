using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.Calendar;

[Collection(BrowserCollection.Name)]
public sealed class CalendarPagesBrowserTests(ConsoleApp app, Support.Browser browser)
{
    [Fact]
    public async Task A_supervisor_adds_and_removes_a_closure_day_with_the_keyboard()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.Supervisor, DemoStaff.Password);
        // December 2030: far from other tests' dates.
        await page.GotoAsync("calendar?month=2030-11");
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid=next-month]");
        await Assertions.Expect(page.Locator("[data-testid=month-title]")).ToHaveTextAsync("2030年12月");
        var target = new DateOnly(2030, 12, 5);
        await page.ClickAsync($"[data-date='{target:yyyy-MM-dd}']");
        await Assertions.Expect(page.Locator("[data-testid=day-panel] h6")).ToHaveTextAsync("2030/12/05 (木)");
        await page.FillAsync("input[data-testid=new-day-name], [data-testid=new-day-name] input", "棚卸し");
        await page.Keyboard.PressAsync("Enter");

        var cell = page.Locator($"[data-date='{target:yyyy-MM-dd}']");
        await Assertions.Expect(cell).ToContainTextAsync("棚卸し");
        await Assertions.Expect(cell).ToContainTextAsync("受付なし");
        // 12-29..01-03 is closed by default.
        await Assertions.Expect(page.Locator("[data-date='2030-12-30']")).ToContainTextAsync("会社休業日");
        var changes = page.Locator("[data-testid=recent-changes]");
        await Assertions.Expect(changes).ToContainTextAsync("休業日を追加");
        await Assertions.Expect(changes).ToContainTextAsync("伊藤 真理");
        await page.ScreenshotAsync("calendar-supervisor");

        await page.ClickAsync("[data-testid=remove-entry]");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "削除" }).ClickAsync();
        await Assertions.Expect(cell).Not.ToContainTextAsync("棚卸し");
    }

    [Fact]
    public async Task A_supervisor_changes_a_regions_cutoff_typed_in_full_width()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.Supervisor, DemoStaff.Password);
        await page.GotoAsync("regions");
        await page.WaitForCircuitAsync();

        var islands = page.Locator("tr[data-region=Islands]");
        await islands.Locator("[data-field=fax]").FillAsync("１３：３０");
        await islands.Locator("[data-field=fax]").PressAsync("Enter");
        await Assertions.Expect(islands.Locator("[data-field=web]")).ToBeFocusedAsync();
        await islands.Locator("[data-field=lead]").FillAsync("2");
        await islands.Locator("[data-field=lead]").PressAsync("Control+Enter");

        await Assertions.Expect(islands.Locator("[data-field=fax]")).ToHaveValueAsync("13:30");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("離島 の締時刻を保存しました。");
        await page.ScreenshotAsync("regions-supervisor");

        await islands.Locator("[data-field=lead]").FillAsync("99");
        await islands.Locator("[data-testid=save-region]").ClickAsync();
        await Assertions.Expect(islands.Locator("[role=alert]")).ToHaveTextAsync("追加リードタイムは0〜10日の範囲で入力してください。");
    }

    [Fact]
    public async Task A_desk_agent_is_refused_the_calendar_and_regions()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.DeskAgent2, DemoStaff.Password);

        foreach (var path in new[] { "calendar", "regions" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        }

        // Inside the circuit too (a link followed without a page load).
        await page.GotoAsync("");
        await page.WaitForCircuitAsync();
        await page.EvaluateAsync("Blazor.navigateTo('/calendar')");
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
    }
}
