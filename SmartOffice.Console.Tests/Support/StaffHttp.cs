using System.Net;
using System.Text.RegularExpressions;

namespace SmartOffice.Console.Tests.Support;

/// <summary>HTTP clients of their own cookies, signed in through the real sign-in form (its antiforgery token included).</summary>
public static partial class StaffHttp
{
    /// <summary>Redirects are not followed, so a test sees them; <paramref name="userName"/> null stays anonymous.</summary>
    public static async Task<HttpClient> ClientAsync(Uri baseAddress, string? userName, string password)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) {
            BaseAddress = baseAddress };
        if (userName is null)
            return client;
        using var signIn = await SignInAsync(client, userName, password);
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect && signIn.Headers.Location?.OriginalString == "/",
            $"{userName} did not sign in: {signIn.StatusCode} {signIn.Headers.Location}");
        return client;
    }

    /// <summary>Posts the sign-in form as a browser does; the answer is the redirect (or the refusal).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("signin");
        return await client.PostAsync("account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
    }

    /// <summary>A person opening a page: the browser says it navigates (the server counts it as input to the session).</summary>
    public static Task<HttpResponseMessage> NavigateAsync(this HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        return client.SendAsync(request);
    }

    public static string AntiforgeryToken(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
