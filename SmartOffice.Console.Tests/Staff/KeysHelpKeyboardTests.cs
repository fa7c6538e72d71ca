using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>
/// Keyboard help from the app bar's button and Alt+H (not ?, typed in comments, nor F1, the browser's): every key of the page
/// and those of every page, in the UI's language. The list is built by console.js from the page, so this runs in Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeysHelpKeyboardTests(ConsoleApp app, Support.Browser browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Alt_H_and_the_button_list_the_pages_keys_and_Esc_closes_the_list(bool english)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: english ? "en-US" : "ja-JP");
        if (english)
            await page.Context.AddCookiesAsync(
                [new Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US", Url = app.BaseAddress.ToString() }]);
        await page.SignInAsync(DemoStaff.DeskAgent, DemoStaff.Password);
        await page.GotoAsync("orders/new");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("#customer-search")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Alt+h");
        var help = page.Locator("dialog#keys-help");
        await Assertions.Expect(help).ToBeVisibleAsync();
        // The page's own keys (order entry's Alt+C customer search) and those of every page.
        await Assertions.Expect(help).ToContainTextAsync(english ? "customer search" : "お客様検索");
        await Assertions.Expect(help).ToContainTextAsync("Ctrl+Enter");
        await Assertions.Expect(help).ToContainTextAsync(english ? "Keyboard shortcuts" : "キー操作の一覧");
        await page.ScreenshotAsync(english ? "keyboard-help-order-entry-en" : "keyboard-help-order-entry");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(help).ToHaveCountAsync(0);

        await page.Locator("[data-testid=keys-help]").ClickAsync();
        await Assertions.Expect(help).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Alt+h");
        await Assertions.Expect(help).ToHaveCountAsync(0);
    }
}
