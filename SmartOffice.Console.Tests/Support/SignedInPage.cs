using Microsoft.Playwright;

namespace SmartOffice.Console.Tests.Support;

public static class SignedInPage
{
    /// <summary>Signs in as <paramref name="staff"/> and opens <paramref name="path"/>, in Japanese or English, at
    /// 1366×768, circuit up.</summary>
    public static async Task<IPage> OpenSignedInAsync(this Browser browser, ConsoleApp app, string staff, string password, string path,
        bool english = false)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: english ? "en-US" : "ja-JP");
        if (english)
            await page.Context.AddCookiesAsync(
                [new Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US", Url = app.BaseAddress.ToString() }]);
        await page.SignInAsync(staff, password);
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }
}
