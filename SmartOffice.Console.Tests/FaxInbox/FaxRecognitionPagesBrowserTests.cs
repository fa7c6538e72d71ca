using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>
/// FAX recognition's pages in Chromium against the real app (#25): the inbox proposing 注文 for the demo's order FAXes once
/// they are read, the supervisor's accuracy page, and the order forms the desk prints. The test reads the demo FAXes with
/// the app's own runner (the shared console runs without its background worker, so that other tests' consoles stay idle).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FaxRecognitionPagesBrowserTests(ConsoleApp app, Support.Browser browser)
{
    private Task<IPage> OpenAsync(string staff, string path, bool english = false) =>
        OpenAsync(app, staff, DemoStaff.Password, path, english);

    private async Task<IPage> OpenAsync(ConsoleApp console, string staff, string password, string path, bool english)
    {
        var page = await browser.NewPageAsync(console.BaseAddress, locale: english ? "en-US" : "ja-JP");
        if (english)
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US",
                Url = console.BaseAddress.ToString() }]);
        await page.SignInAsync(staff, password);
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }

    /// <summary>Every demo FAX read, as the worker would have done after the import.</summary>
    private Task ReadDemoFaxesAsync() => app.ReadEveryFaxAsync();

    [Fact]
    public async Task Read_order_FAXes_show_in_the_inbox_and_propose_the_order_kind_which_the_agent_decides()
    {
        await ReadDemoFaxesAsync();
        var desk = await OpenAsync(DemoStaff.DeskAgent, "fax");
        var read = desk.Locator("[data-testid=fax-row]").Filter(new() { Has = desk.Locator("[data-testid=fax-recognized]") })
            .Filter(new() { Has = desk.Locator("[data-testid=fax-claim]") }).First;
        await Assertions.Expect(read).ToBeVisibleAsync();
        await desk.ScreenshotAsync("fax-recognition-inbox");
        var id = await read.GetAttributeAsync("data-fax");
        var english = await OpenAsync(DemoStaff.DeskAgent2, "fax", english: true);
        await Assertions.Expect(english.Locator($"[data-testid=fax-row][data-fax='{id}'] [data-testid=fax-recognized]"))
            .ToHaveTextAsync("Order form read");
        await english.ScreenshotAsync("fax-recognition-inbox-en");

        await read.Locator("[data-testid=fax-link]").ClickAsync();
        await desk.WaitForAddressAsync(new Regex($"/fax/{id}$"));
        await desk.Locator("[data-testid=fax-sort] [data-testid=fax-claim]").ClickAsync();
        var proposed = desk.Locator("[data-testid=sort-Order][data-proposed=true]");
        await Assertions.Expect(proposed).ToBeVisibleAsync();
        await desk.ScreenshotAsync("fax-recognition-sort-proposed");
        // Nothing was decided for the agent: the FAX is still unsorted until they choose.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync())
            Assert.Equal(FaxKind.Unsorted, (await db.FaxInboxItems.SingleAsync(i => i.Id == int.Parse(id!))).Kind);

        // The agent sorts it as something else: their choice stands, and the claim is given back for the other tests.
        await desk.Locator("[data-testid=sort-Other]").ClickAsync();
        await Assertions.Expect(desk.Locator("[data-testid=close-note]")).ToBeVisibleAsync();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync())
            Assert.Equal(FaxKind.Other, (await db.FaxInboxItems.SingleAsync(i => i.Id == int.Parse(id!))).Kind);
        await desk.Locator("[data-testid=fax-release]").ClickAsync();
        await Assertions.Expect(desk.Locator($"[data-testid=fax-row][data-fax='{id}'] [data-testid=fax-claim]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_supervisor_sees_accuracy_per_week_and_customer_and_prints_a_pre_filled_form_for_the_least_accurate()
    {
        await ReadDemoFaxesAsync();
        string? worst;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync())
        {
            // Agents saved two of the read orders: one as read, one with a quantity changed.
            var read = await db.FaxRecognitions.Where(r => r.State == FaxRecognitionState.Read).Include(r => r.Fields).OrderBy(r => r.Id)
                .Take(2).ToListAsync();
            Assert.Equal(2, read.Count);
            foreach (var (recognition, change) in read.Select((r, i) => (r, i == 1)))
            {
                var keyed = recognition.Fields.Select(f => new KeyedField(f.Id, f.Field, f.LineNumber, f.Text,
                    change && f.Field == OrderFormField.Quantity ? f.Text + "0" : f.Text)).ToList();
                await FaxRecognitionOutcome.RecordAsync(db, recognition.FaxInboxItemId, keyed, DateTimeOffset.UtcNow,
                    CancellationToken.None);
            }
            var changedFax = read[1].FaxInboxItemId;
            worst = await db.FaxInboxItems.Where(i => i.Id == changedFax).Select(i => db.Customers.First(c => c.Id == i.CustomerId).Code)
                .SingleAsync();
        }

        var supervisor = await OpenAsync(DemoStaff.Supervisor, "fax-recognition");
        await Assertions.Expect(supervisor.Locator("[data-testid=accuracy-total] [data-testid=accuracy-value]")).Not.ToHaveTextAsync("—");
        await Assertions.Expect(supervisor.Locator("[data-testid=accuracy-customer]").First).ToContainTextAsync(worst);
        await supervisor.ScreenshotAsync("fax-recognition-accuracy");
        var english = await OpenAsync(DemoStaff.Supervisor, "fax-recognition", english: true);
        await Assertions.Expect(english.Locator("[data-testid=accuracy-weeks]")).ToContainTextAsync("Week of");
        await english.ScreenshotAsync("fax-recognition-accuracy-en");

        await supervisor.Locator("[data-testid=accuracy-customer]").First.Locator("[data-testid=accuracy-send-form]").ClickAsync();
        await supervisor.WaitForAddressAsync(new Regex($"/fax-forms\\?customer={worst}$"));
        await supervisor.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=form-image]'); "
            + "return i && i.complete && i.naturalWidth === 2480; }");
        await supervisor.ScreenshotAsync("fax-forms-prefilled");
        // Printed, the sheet is alone on its page.
        await supervisor.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(supervisor.Locator(".fax-forms-choice")).ToBeHiddenAsync();
        await supervisor.ScreenshotAsync("fax-forms-prefilled-print");
    }

    [Fact]
    public async Task Without_tesseract_the_inbox_shows_one_notice_in_Japanese_and_English()
    {
        await using var bare = new NoTesseractConsoleApp();
        var user = await bare.CreateStaffAsync("desk25b", NoTesseractConsoleApp.Password, StaffRoles.DeskAgent, "読取 なし");
        foreach (var english in new[] { false, true })
        {
            var page = await OpenAsync(bare, user, NoTesseractConsoleApp.Password, "fax", english);
            var notice = page.Locator("[data-testid=fax-recognition-off]");
            await Assertions.Expect(notice).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            await Assertions.Expect(notice).ToContainTextAsync(
                english ? "tesseract-ocr-eng is not installed on the server" : "サーバーに tesseract-ocr-eng がありません");
            await page.ScreenshotAsync(english ? "fax-recognition-off-en" : "fax-recognition-off");
        }
    }

    [Fact]
    public async Task The_desk_prints_the_blank_form_in_Japanese_and_English_screens()
    {
        foreach (var english in new[] { false, true })
        {
            var desk = await OpenAsync(DemoStaff.DeskAgent2, "fax-forms", english);
            await desk.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=form-image]'); "
                + "return i && i.complete && i.naturalWidth === 2480; }");
            await Assertions.Expect(desk.Locator("[data-testid=form-print]")).ToBeEnabledAsync();
            await desk.ScreenshotAsync(english ? "fax-forms-blank-en" : "fax-forms-blank");
            // Pre-filled: nothing to print until a customer (and department) is chosen.
            await desk.Locator("[data-testid=form-prefilled]").ClickAsync();
            await Assertions.Expect(desk.Locator("[data-testid=form-image]")).ToHaveCountAsync(0);
            await Assertions.Expect(desk.Locator("[data-testid=form-print]")).ToBeDisabledAsync();
        }
    }
}
