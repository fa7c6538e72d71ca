using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>
/// A supervisor saves a customer's settings from a screen another member of staff changed meanwhile: the page refuses
/// with the reason and a reload button, and reloading shows the other change — which was not overwritten.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaleScreenBrowserTests(ConsoleApp app, Support.Browser browser)
{
    [Fact]
    public async Task A_save_from_a_stale_screen_is_refused_with_a_reload_button()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.Supervisor, DemoStaff.Password);
        var customerId = await SecondDealersLastCustomerAsync();
        await page.GotoAsync($"customers/{customerId}");
        await page.WaitForCircuitAsync();

        // Meanwhile the administrator changes the same customer from their own screen.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var other = ActivatorUtilities.CreateInstance<CustomerAccountService>(scope.ServiceProvider,
                (ICurrentStaff)TestStaff.Administrator);
            var seen = await other.GetAsync(customerId);
            await other.UpdateSettingsAsync(new(customerId, seen.Version, seen.Settings with { DeliverySlipNote = "管理者が先に変更" },
                new ChangeRequester("山田 花子", RequestChannel.Phone)));
        }

        await page.FillAsync(Field("requester-name"), "鈴木 次郎");
        await page.Locator("[data-testid=requester-channel]").GetByText("電話", new() { Exact = true }).ClickAsync();
        await page.FillAsync(Field("slip-note"), "画面からの変更");
        await page.ClickAsync("[data-testid=save-settings]");

        var error = page.Locator("[data-testid=edit-error]");
        await Assertions.Expect(error).ToContainTextAsync("他の担当者が変更しました");
        await Assertions.Expect(error.Locator("[data-testid=reload]")).ToBeVisibleAsync();
        await page.ScreenshotAsync("stale-screen-refused");

        await error.Locator("[data-testid=reload]").ClickAsync();
        await Assertions.Expect(error).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(Field("slip-note"))).ToHaveValueAsync("管理者が先に変更");
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
        Assert.Equal("管理者が先に変更", await db.Customers.Where(c => c.Id == customerId).Select(c => c.DeliverySlipNote).SingleAsync());
    }

    /// <summary>The second demo dealer's last customer: no other browser test edits it.</summary>
    private async Task<int> SecondDealersLastCustomerAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
        var dealer = await db.Users.Where(u => u.UserName == DemoStaff.DealerRep2).Select(u => u.DealerId).SingleAsync();
        return await db.Customers.Where(c => c.DealerId == dealer && c.IsActive).OrderByDescending(c => c.Id).Select(c => c.Id)
            .FirstAsync();
    }

    private static string Field(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";
}
