using Microsoft.AspNetCore.Http;

namespace SmartOffice.Console.Staff;

/// <summary>Which cookies get the Secure flag: always in Production; as the request came (plain HTTP) in Development and tests.</summary>
internal static class CookieSecurity
{
    public static CookieSecurePolicy PolicyFor(IHostEnvironment environment) =>
        environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    /// <summary>For cookies written by hand (the language choice): the same rule.</summary>
    public static bool IsSecure(HttpContext http) =>
        http.Request.IsHttps || PolicyFor(http.RequestServices.GetRequiredService<IHostEnvironment>()) == CookieSecurePolicy.Always;
}
