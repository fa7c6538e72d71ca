using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Staff;

/// <summary>
/// Identity's sign-in manager, with one addition: a disabled account fails the periodic security-stamp check, so its
/// cookie stops working within <see cref="StaffOptions.RevalidationMinutes"/> just as its circuits do.
/// </summary>
internal sealed class StaffSignInManager(UserManager<StaffUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<StaffUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<StaffUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<StaffUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { IsActive: true } user ? user : null;
}
