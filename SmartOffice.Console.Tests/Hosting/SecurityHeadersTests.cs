using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.FaxInbox;
using SmartOffice.Console.Tests.Staff;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.Hosting;

/// <summary>
/// ASVS 3.4: every answer carries the Content-Security-Policy, no-framing, no-sniff and referrer headers — and every page
/// (the printable FAX-back sheets too) still starts its circuit in Chromium under that policy, with no violation reported;
/// the xlsx download comes through, and a FAX uploaded on the inbox and claimed shows its page image.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityHeadersTests(ConsoleApp app, Support.Browser browser)
{
    [Theory]
    [InlineData("signin")]
    [InlineData("health")]
    [InlineData("app.css")]
    [InlineData("no-such-page")]
    [InlineData("")]
    public async Task Every_answer_has_the_security_headers(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var response = await http.GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Matches("script-src 'self' 'nonce-[0-9A-F]{32}'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Each_answer_has_its_own_nonce_and_the_import_map_carries_it()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var first = await http.GetAsync("signin");
        using var second = await http.GetAsync("signin");
        var nonce = System.Text.RegularExpressions.Regex.Match(string.Join("", first.Headers.GetValues("Content-Security-Policy")),
            "'nonce-([^']+)'").Groups[1].Value;

        Assert.NotEqual(first.Headers.GetValues("Content-Security-Policy"), second.Headers.GetValues("Content-Security-Policy"));
        var html = await first.Content.ReadAsStringAsync();
        // Every inline script (the import map) carries this answer's nonce; scripts with a src come from this site.
        var inline = System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\ssrc=)[^>]*>").Select(m => m.Value).ToList();
        Assert.True(inline.Count > 0 && inline.All(tag => tag.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal)),
            string.Join("\n", inline) + "\n" + html[..Math.Min(html.Length, 1500)]);
    }

    [Fact]
    public async Task Every_page_works_under_the_policy()
    {
        var records = await PageAuthorisationMatrixTests.RecordsAsync(app);
        var (page, errors) = await WatchedPageAsync(DemoStaff.Administrator);

        var violations = new List<string>();
        foreach (var row in PageAuthorisationMatrixTests.Rows.Where(r => r.Template is not ("/signin" or "/error" or "/not-found")))
        {
            var path = row.Url?.Invoke(records) ?? row.Template.TrimStart('/');
            await page.GotoAsync(path);
            // The own-password page is static like the sign-in page: no circuit, its form is the page.
            if (row.Template == "/account/password")
                await page.Locator("#currentPassword").WaitForAsync();
            else
                await page.WaitForCircuitAsync();
            violations.AddRange(await ViolationsAsync(page));
        }
        await page.GotoAsync($"points/requests/{records.BalanceRequestId}/sheet");
        await page.WaitForCircuitAsync();
        await page.ScreenshotAsync("csp-balance-reply-sheet");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        // The xlsx download, fetched with the page's own cookie.
        var download = await page.APIRequest.GetAsync(PageAuthorisationMatrixTests.Download.Url!(records).Replace("CsvUtf8", "Xlsx"));
        Assert.Equal((int)HttpStatusCode.OK, download.Status);
        Assert.Equal("PK"u8.ToArray(), (await download.BodyAsync())[..2]);
    }

    [Fact]
    public async Task A_FAX_uploaded_on_the_inbox_and_claimed_shows_its_image_under_the_policy()
    {
        var (page, errors) = await WatchedPageAsync(DemoStaff.DeskAgent);
        await page.GotoAsync("fax");
        await page.WaitForCircuitAsync();

        // The upload goes through the circuit (Blazor's InputFile), not a form post.
        var name = $"csp-{Guid.NewGuid():N}.pdf";
        await page.Locator("[data-testid=fax-upload-toggle]").ClickAsync();
        await page.Locator("[data-testid=upload-file]")
            .SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = FaxFiles.Pdf() });
        await Assertions.Expect(page.Locator("[data-testid=upload-button]")).ToBeEnabledAsync();
        await page.Locator("[data-testid=upload-button]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=fax-upload]")).ToHaveCountAsync(0);
        var violations = await ViolationsAsync(page);
        int id;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync())
            id = await db.FaxInboxItems.Where(f => f.FileName == name).Select(f => f.Id).SingleAsync();

        await page.GotoAsync($"fax/{id}");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=fax-sort] [data-testid=fax-claim]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=sort-Order]")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync(
            "() => { const i = document.querySelector('[data-testid=fax-page]'); return i && i.complete && i.naturalWidth > 0; }");
        await page.ScreenshotAsync("csp-fax-claimed");

        violations = [.. violations, .. await ViolationsAsync(page)];
        Assert.True(violations.Length == 0, string.Join("\n", violations));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>A signed-in page that collects CSP violations (in the page: read them with <see
    /// cref="ViolationsAsync"/>) and console errors.</summary>
    private async Task<(IPage Page, List<string> Errors)> WatchedPageAsync(string userName)
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.AddInitScriptAsync(
            "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + " +
            "e.blockedURI));");
        var errors = new List<string>();
        // The browser's own look for /favicon.ico (there is none) is no error of the page.
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && !m.Text.Contains("404 (Not Found)", StringComparison.Ordinal))
            {
                errors.Add($"{page.Url}: {m.Text}");
            }
        };
        await page.SignInAsync(userName, DemoStaff.Password);
        return (page, errors);
    }

    /// <summary>The violations since the page's document loaded, each with its path.</summary>
    private static async Task<string[]> ViolationsAsync(IPage page) =>
        (await page.EvaluateAsync<string[]>("window.__csp")).Select(v => $"{new Uri(page.Url).PathAndQuery}: {v}").ToArray();
}
