using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticAssets;

namespace SmartOffice.Console.Hosting;

/// <summary>
/// Headers on every response (ASVS 3.4): a Content-Security-Policy that Blazor Server and MudBlazor work under, no framing
/// by other sites, no MIME sniffing, no referrer to other sites. Scripts come only from this site, plus the one inline
/// import map, which carries this request's nonce. Styles allow inline: MudBlazor writes style attributes and its theme's
/// &lt;style&gt; block, and the printed sheets their page margins. Everything but the static assets is <c>no-store</c>.
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceKey = "SmartOffice.CspNonce";

    /// <summary>The nonce the page's inline import map must carry.</summary>
    public static string Nonce(HttpContext http) => http.Items[NonceKey] as string ?? "";

    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        // Set when the response starts, so an error page re-executed after headers were cleared still gets them.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Pages, FAX images and downloads hold customer data: never kept by the browser or a proxy. Only the
            // fingerprinted static assets may be cached.
            if (http.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(http);
    });
}
