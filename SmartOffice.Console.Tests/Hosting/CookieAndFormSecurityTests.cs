using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Hosting;

/// <summary>The console in the Production environment (no demo data, one administrator made here).</summary>
public sealed class ProductionConsoleApp : ConsoleApp
{
    public const string Password = "prod-secret-1";

    // Behind a TLS-terminating proxy (here: the test, from 127.0.0.1) that says so in X-Forwarded-Proto.
    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Demo:Enabled"] = "false", ["ForwardedHeaders_Enabled"] = "true" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    public Task<string> CreateAdministratorAsync(string userName) =>
        CreateStaffAsync(userName, Password, StaffRoles.Administrator, "本番 管理者");
}

/// <summary>Cookies HttpOnly and SameSite=Strict, Secure always in Production (same-as-request on the tests' plain
/// HTTP); antiforgery on every post.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CookieAndFormSecurityTests(ConsoleApp app)
{
    [Fact]
    public async Task In_Production_the_sign_in_and_antiforgery_cookies_are_Secure_HttpOnly_and_SameSite_Strict()
    {
        await using var production = new ProductionConsoleApp();
        await production.CreateAdministratorAsync("prodadmin");
        // Secure cookies are not sent back over plain HTTP by a cookie container: carry them by hand, as a TLS proxy would.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) {
            BaseAddress = production.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var form = await http.GetAsync("signin");
        var antiforgery = SetCookie(form, "smartoffice.antiforgery");
        using var post = new HttpRequestMessage(HttpMethod.Post, "account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = "prodadmin", ["password"] = ProductionConsoleApp.Password, ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = StaffHttp.AntiforgeryToken(await form.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signIn = await http.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        foreach (var cookie in new[] { antiforgery, SetCookie(signIn, "smartoffice.staff") })
        {
            var flags = cookie.ToLowerInvariant();
            Assert.Contains("; secure", flags);
            Assert.Contains("; httponly", flags);
            Assert.Contains("; samesite=strict", flags);
        }
    }

    [Fact]
    public async Task In_Development_over_plain_HTTP_the_cookies_are_HttpOnly_and_SameSite_Strict_but_not_Secure()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) {
            BaseAddress = app.BaseAddress };
        using var form = await http.GetAsync("signin");
        var cookie = SetCookie(form, "smartoffice.antiforgery").ToLowerInvariant();
        Assert.Contains("; httponly", cookie);
        Assert.Contains("; samesite=strict", cookie);
        Assert.DoesNotContain("; secure", cookie);
    }

    /// <summary>Every POST endpoint the app maps, signed in, without a token: refused (400). Blazor's own circuit
    /// endpoints are not forms.</summary>
    [Fact]
    public async Task Every_post_without_an_antiforgery_token_is_refused()
    {
        _ = app.BaseAddress;
        var posts = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            // SignalR's negotiate/disconnect for the circuit: not a form, and the SameSite=Strict cookie never comes
            // with another site's request.
            .Where(p => !p.StartsWith("/_blazor", StringComparison.Ordinal))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\{[^}]+\}", "1"))
            .Distinct().Order().ToList();
        Assert.Contains("/account/signin", posts);
        Assert.Contains("/account/signout", posts);
        Assert.Contains("/account/keepalive", posts);
        Assert.Contains("/orders/new", posts);

        using var client = await StaffHttp.ClientAsync(app.BaseAddress, DemoStaff.Administrator, DemoStaff.Password);
        var accepted = new List<string>();
        foreach (var path in posts)
        {
            using var response = await client.PostAsync(path.TrimStart('/'),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "x", ["password"] = "y" }));
            if (response.StatusCode != HttpStatusCode.BadRequest)
                accepted.Add($"{path}: {(int)response.StatusCode}");
        }
        Assert.True(accepted.Count == 0, "accepted without a token: " + string.Join(", ", accepted));
    }

    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));
}
