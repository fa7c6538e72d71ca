using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;

namespace SmartOffice.Console.Staff;

/// <summary>
/// Someone signed in with a temporary password reaches only the password change, sign-out and what anonymous people may
/// (the sign-in page, assets, the language switch) until they have chosen their own; pages redirect to the change, anything
/// else (the circuit's hub, downloads, posts) is refused.
/// </summary>
internal static class PasswordChangeGate
{
    public static void UsePasswordChangeGate(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (!http.User.HasClaim(c => c.Type == StaffClaims.MustChangePassword) || MayPass(http))
            return next(http);
        if (HttpMethods.IsGet(http.Request.Method))
            http.Response.Redirect(StaffAuthentication.PasswordPath);
        else
        {
            // Answered here: a status page re-executed for this request would be a post to an anonymous page.
            http.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Task.CompletedTask;
    });

    private static bool MayPass(HttpContext http) =>
        http.Request.Path.StartsWithSegments(StaffAuthentication.PasswordPath)
        || http.Request.Path.StartsWithSegments("/account/signout")
        || http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
}
