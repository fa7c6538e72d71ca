using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>axe-core in Chromium: no serious or critical accessibility violations on the shell's pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(ConsoleApp app, Support.Browser browser)
{
    [Theory]
    [InlineData(null, "signin")]
    [InlineData(DemoStaff.DeskAgent, "")]
    [InlineData(DemoStaff.Supervisor, "calendar")]
    [InlineData(DemoStaff.Supervisor, "regions")]
    [InlineData(DemoStaff.DeskAgent, "fax")]
    public async Task Pages_have_no_serious_accessibility_violations(string? user, string path)
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        if (user is not null)
            await page.SignInAsync(user, DemoStaff.Password);
        await page.GotoAsync(path);
        if (user is not null)
            await page.WaitForCircuitAsync();

        var results = await page.RunAxe();

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})");
        Assert.True(!serious.Any(), string.Join("\n", serious));
    }
}
