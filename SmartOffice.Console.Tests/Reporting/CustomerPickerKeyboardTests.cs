using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.Reporting;

/// <summary>
/// The customer picker of 購入データ出力 and 環境配慮レポート at the keyboard: ↓ highlights the only match and Enter chooses it, as
/// in order entry (Enter used to move to the next field without choosing, leaving 件数を確認 / 表示 disabled). Keys go through
/// console.js and MudBlazor's list together, so this runs in Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomerPickerKeyboardTests(ConsoleApp app, Support.Browser browser)
{
    private static string Field(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";

    [Theory]
    [InlineData("reports/purchases", "check")]
    [InlineData("reports/eco", "show")]
    public async Task Down_then_Enter_chooses_the_only_match_and_enables_the_action(string path, string action)
    {
        _ = app.BaseAddress;
        string code;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync())
            code = await db.Customers.Where(c => c.IsActive).OrderBy(c => c.Id).Skip(37).Select(c => c.Code).FirstAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.DeskAgent, DemoStaff.Password);
        await page.GotoAsync(path);
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.Locator(Field("customer")).FocusAsync();
        await page.Keyboard.TypeAsync(code);
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(Field("customer"))).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"^{code} "));
        await Assertions.Expect(page.Locator($"[data-testid={action}]")).ToBeEnabledAsync();
        await page.ScreenshotAsync($"keyboard-{path.Replace('/', '-')}-picked");
    }
}
