using System.Net;
using System.Text.RegularExpressions;
using SmartOffice.Console.Tests.Staff;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;

namespace SmartOffice.Console.Tests.Hosting;

/// <summary>
/// HSTS in Production (browsers keep to HTTPS), and customer data never cached: every page, a FAX page image and the
/// purchase download are sent no-store; only the fingerprinted static assets may be cached.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TransportAndCachingTests(ConsoleApp app)
{
    [Fact]
    public async Task Production_over_HTTPS_sends_HSTS_and_Development_does_not()
    {
        await using var production = new ProductionConsoleApp();
        using var https = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = production.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "signin");
        // As through the TLS-terminating proxy, under the console's own host name (HSTS is never sent to localhost).
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Host = "console.example.jp";
        using var answer = await https.SendAsync(request);
        Assert.Equal("max-age=31536000", Assert.Single(answer.Headers.GetValues("Strict-Transport-Security")));

        using var development = new HttpClient { BaseAddress = app.BaseAddress };
        using var plain = await development.GetAsync("signin");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Pages_FAX_images_and_downloads_are_no_store_and_static_assets_may_be_cached()
    {
        var records = await PageAuthorisationMatrixTests.RecordsAsync(app);
        using var desk = await StaffHttp.ClientAsync(app.BaseAddress, DemoStaff.DeskAgent2, DemoStaff.Password);
        foreach (var path in new[] { "", "signin", $"customers/{records.CustomerId}",
            PageAuthorisationMatrixTests.FaxPageImage.Url!(records), PageAuthorisationMatrixTests.Download.Url!(records) })
        {
            using var response = await desk.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path}: Cache-Control {response.Headers.CacheControl}");
        }

        var page = await desk.GetStringAsync("");
        var stylesheet = Regex.Match(page, "href=\"(app\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        using var asset = await desk.GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.False(asset.Headers.CacheControl?.NoStore ?? false, $"{stylesheet}: {asset.Headers.CacheControl}");
    }
}
