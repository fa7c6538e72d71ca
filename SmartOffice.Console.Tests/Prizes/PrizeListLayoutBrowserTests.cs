using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.Prizes;

/// <summary>
/// The prize applications at 1366×768: 会社名 (company and department) and the prize read whole words, not 1–2 characters
/// a line.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PrizeListLayoutBrowserTests(ConsoleApp app, Support.Browser browser)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Company_and_prize_are_not_broken_mid_word(bool english)
    {
        var page = await browser.OpenSignedInAsync(app, DemoStaff.DeskAgent, DemoStaff.Password, "prizes/applications", english);

        await Layout.AssertReadsWholeAsync(page, "[data-testid=application-company], [data-testid=application-prize]",
            english ? "layout-prize-applications-en" : "layout-prize-applications");
    }
}
