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
            HttpContext http, StaffSignInManager signIn, SignInThrottle throttle, StaffSessionStore history, ILoggerFactory logs) =>
        {
            var log = logs.CreateLogger("SmartOffice.Console.Staff.SignIn");
            var target = SafeLocalUrl(returnUrl);
            if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
                return Results.LocalRedirect(SignInRedirect("missing", target));
            var address = http.Connection.RemoteIpAddress;
            // Too many failures from this address: not even checked, whoever it is for.
            if (throttle.WaitFor(address) is { TotalSeconds: > 0 } wait)
            {
                log.LogWarning("Staff sign-in from {Address} slowed down: {Seconds:0} s to wait", address, Math.Ceiling(wait.TotalSeconds));
                return Results.LocalRedirect(SignInRedirect("slow", target) + $"&wait={Math.Ceiling(wait.TotalSeconds):0}");
            }

            var (result, user) = await signIn.SignInWithSessionAsync(userName.Trim(), password, address?.ToString(), http.RequestAborted);
            if (result.Succeeded)
            {
                log.LogInformation("Staff sign-in succeeded for {UserName} from {Address}", userName, address);
                return Results.LocalRedirect(user!.MustChangePassword ? StaffAuthentication.PasswordPath : target);
            }
            throttle.Failed(address);
            if (user is not null)
                await history.RecordFailedSignInAsync(user, result.IsLockedOut, address?.ToString(), http.RequestAborted);
            log.LogWarning("Staff sign-in refused for {UserName} from {Address}: {Reason}", userName, address,
                result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "disabled" : user is null ? "unknown user name"
                    : "wrong password");
            // One answer for every refusal: it must not tell whether the user name exists, is locked or is disabled.
            return Results.LocalRedirect(SignInRedirect("invalid", target));
        }).AllowAnonymous();

        account.MapPost("/signout",
            async (HttpContext http, SignInManager<StaffUser> signIn, StaffSessionTracker sessions, ICurrentStaff staff,
            ILoggerFactory logs) =>
        {
            logs.CreateLogger("SmartOffice.Console.Staff.SignIn").LogInformation("Staff sign-out by {UserId}", staff.Id);
            await sessions.EndAsync(StaffClaims.SessionOf(http.User), StaffSessionEnd.SignedOut, http.RequestAborted);
            await signIn.SignOutAsync();
            return Results.LocalRedirect(StaffAuthentication.SignInPath);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        // The idle timer in the browser lands here after the configured minutes without input (the server ends such a
        // session by itself too, at its next check).
        account.MapGet("/signout-idle",
            async (HttpContext http, SignInManager<StaffUser> signIn, StaffSessionTracker sessions, ICurrentStaff staff,
            ILoggerFactory logs) =>
        {
            if (staff.IsAuthenticated)
            {
                logs.CreateLogger("SmartOffice.Console.Staff.SignIn")
                    .LogInformation("Staff session of {UserId} ended after idle time", staff.Id);
                await sessions.EndAsync(StaffClaims.SessionOf(http.User), StaffSessionEnd.Idle, http.RequestAborted);
            }
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
