using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace SmartOffice.Console.Staff;

/// <summary>
/// ASVS 16.3.2: every refusal of a signed-in staff member is logged — who, which roles, what was refused and where.
/// Only identifiers: never a password, never the record's content.
/// </summary>
internal sealed class AccessDenialLog(ILoggerFactory logs)
{
    private readonly ILogger _log = logs.CreateLogger("SmartOffice.Console.Staff.Access");

    public void Denied(ClaimsPrincipal user, string refused, string where) =>
        _log.LogWarning("Access denied to {UserName} ({UserId}, roles {Roles}): {Refused} at {Path}",
            user.Identity?.Name ?? "anonymous", user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-",
            string.Join(",", user.FindAll(ClaimTypes.Role).Select(c => c.Value)), refused, where);
}

/// <summary>The authorization middleware's usual answer (redirect to sign-in or /denied), with each forbidden request logged.</summary>
internal sealed class LoggingAuthorizationResultHandler(AccessDenialLog log) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var policies = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(a => a.Policy ?? a.Roles ?? "signed-in") ?? [];
            log.Denied(context.User, "policy " + string.Join("+", policies), context.Request.Path);
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
