using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Staff;

/// <summary>
/// The sign-in cookie is only as good as its server-side session: each request's cookie is checked against it (after
/// Identity's security-stamp check), a page load or a post counts as input, and an ended session's cookie is refused and
/// deleted — the sign-in page then says why when it was the idle timeout.
/// </summary>
internal static class StaffSessionCookie
{
    private const string EndedKey = "SmartOffice.SessionEnded";

    public static void Attach(CookieAuthenticationEvents events)
    {
        var checkStamp = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            await checkStamp(context);
            if (context.Principal is null)
                return;
            var http = context.HttpContext;
            var sessions = http.RequestServices.GetRequiredService<StaffSessionTracker>();
            var session = StaffClaims.SessionOf(context.Principal);
            if (await sessions.CheckAsync(session, http.RequestAborted) is { } ended)
            {
                http.Items[EndedKey] = ended;
                context.RejectPrincipal();
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            if (IsInput(http.Request))
                sessions.RecordInput(session);
        };
        var redirectToSignIn = events.OnRedirectToLogin;
        events.OnRedirectToLogin = context =>
        {
            if (context.HttpContext.Items[EndedKey] is StaffSessionEnd.Idle)
                context.RedirectUri += (context.RedirectUri.Contains('?') ? "&" : "?") + "reason=idle";
            return redirectToSignIn(context);
        };
    }

    /// <summary>
    /// What only a person does: open a page (the browser says it navigates) or post a form of the account (sign-out, password,
    /// the page's keep-alive after a key or click). Circuit traffic, reconnects and assets are not input.
    /// </summary>
    private static bool IsInput(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) && request.Headers["Sec-Fetch-Mode"] == "navigate")
        || (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/account"));
}
