using System.Net;
using SmartOffice.Console.Tests.Support;

namespace SmartOffice.Console.Tests.Hosting;

[Collection(BrowserCollection.Name)]
public sealed class HealthAndAccessTests(ConsoleApp app)
{
    [Fact]
    public async Task Health_answers_anonymously_when_the_database_is_up()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await http.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every page asked for /favicon.ico and got a 404 in the log (issue #22).</summary>
    [Fact]
    public async Task The_favicon_is_served_to_anyone()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await http.GetAsync("favicon.ico");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var icon = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, icon[..4]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("calendar")]
    [InlineData("regions")]
    public async Task Anonymous_users_are_sent_to_sign_in(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery.TrimStart('.'));
    }

    [Fact]
    public async Task The_sign_in_page_is_served_in_Japanese()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var html = await http.GetStringAsync("signin");
        Assert.Contains("<html lang=\"ja\">", html);
        Assert.Contains("ユーザー名", html);
    }
}
