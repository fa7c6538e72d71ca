using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using SmartOffice.Console.Hosting;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Staff;

/// <summary>Sign-in and sign-out posts (the sign-in page itself is static), keep-alive and the language switch.</summary>
internal static class StaffEndpoints
{
    public static void MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");

        account.MapPost("/signin", async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
            SignInManager<StaffUser> signIn, ILoggerFactory logs) =>
        {
            var log = logs.CreateLogger("SmartOffice.Console.Staff.SignIn");
            var target = SafeLocalUrl(returnUrl);
            if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
                return Results.LocalRedirect(SignInRedirect("missing", target));

            var result = await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                log.LogInformation("Staff sign-in succeeded for {UserName}", userName);
                return Results.LocalRedirect(target);
            }
            var reason = result.IsLockedOut ? "locked" : "invalid";
            log.LogWarning("Staff sign-in refused for {UserName}: {Reason}", userName, result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "disabled" : "wrong user name or password");
            return Results.LocalRedirect(SignInRedirect(reason, target));
        }).AllowAnonymous();

        account.MapPost("/signout", async (SignInManager<StaffUser> signIn, ICurrentStaff staff, ILoggerFactory logs) =>
        {
            logs.CreateLogger("SmartOffice.Console.Staff.SignIn").LogInformation("Staff sign-out by {UserId}", staff.Id);
            await signIn.SignOutAsync();
            return Results.LocalRedirect(StaffAuthentication.SignInPath);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        // The idle timer in the browser lands here after the configured minutes without input.
        account.MapGet("/signout-idle", async (SignInManager<StaffUser> signIn, ICurrentStaff staff, ILoggerFactory logs) =>
        {
            if (staff.IsAuthenticated)
                logs.CreateLogger("SmartOffice.Console.Staff.SignIn").LogInformation("Staff session of {UserId} ended after idle time", staff.Id);
            await signIn.SignOutAsync();
            return Results.LocalRedirect(StaffAuthentication.SignInPath + "?reason=idle");
        }).AllowAnonymous();

        // While the agent types inside a circuit no HTTP request renews the sliding cookie; the idle script pings here
        // (with the page's antiforgery token, like every other post).
        account.MapPost("/keepalive", () => Results.NoContent()).WithMetadata(new RequireAntiforgeryTokenAttribute());

        app.MapGet("/culture", (string culture, string? returnUrl, HttpContext http, TimeProvider time) =>
        {
            if (UiCulture.Supported.Contains(culture))
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions
                    {
                        Expires = time.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true,
                        Secure = CookieSecurity.IsSecure(http),
                    });
            return Results.LocalRedirect(SafeLocalUrl(returnUrl));
        }).AllowAnonymous();
    }

    private static string SignInRedirect(string error, string returnUrl) =>
        $"{StaffAuthentication.SignInPath}?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>Only local paths, so the sign-in form cannot redirect elsewhere.</summary>
    private static string SafeLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
