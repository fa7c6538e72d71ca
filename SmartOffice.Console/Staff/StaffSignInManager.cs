using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Staff;

/// <summary>
/// Identity's sign-in manager, with two additions: every sign-in starts a server-side session whose id the cookie carries
/// (<see cref="StaffSessionTracker"/>), and a disabled account fails the periodic security-stamp check, so its cookie stops
/// working within <see cref="StaffOptions.RevalidationMinutes"/> just as its circuits do.
/// </summary>
internal sealed class StaffSignInManager(UserManager<StaffUser> users, IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<StaffUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<StaffUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation, StaffSessionTracker sessions, SmartOfficeDbContext accounts)
    : SignInManager<StaffUser>(users, http, claims, options, logger, schemes, confirmation)
{
    /// <summary>Compared against when the user name is unknown, so the answer takes as long as for a known one.</summary>
    private static readonly Lazy<string> NobodysHash =
        new(() => new PasswordHasher<StaffUser>().HashPassword(null!, Guid.NewGuid().ToString()));

    public override async Task<StaffUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { IsActive: true } user ? user : null;

    /// <summary>
    /// Checks the password (counting failures towards the lockout) and, when it is right, signs in with a new server-side
    /// session. Returns the account when the user name exists, so failures can be written into its history.
    /// </summary>
    public async Task<(SignInResult Result, StaffUser? User)> SignInWithSessionAsync(string userName, string password, string? address,
        CancellationToken cancellationToken)
    {
        var user = await UserManager.FindByNameAsync(userName);
        var result = user is null ? SignInResult.Failed : await CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (user is null || result.IsLockedOut || result.IsNotAllowed)
            // These answers come before any password check: spend the same time, so timing tells nothing either.
            UserManager.PasswordHasher.VerifyHashedPassword(user!, NobodysHash.Value, password);
        if (!result.Succeeded)
            return (result, user);
        var session = await sessions.StartAsync(user!, address, cancellationToken);
        await SignInSessionAsync(user!, session.Id);
        return (result, user);
    }

    /// <summary>
    /// A new cookie for <paramref name="sessionId"/> with the account's claims as stored now (after the own password change):
    /// this request's cookie check may have loaded the account before the change, which the domain saved in its own context.
    /// </summary>
    public async Task RenewSessionCookieAsync(string userId, string sessionId)
    {
        var user = await UserManager.FindByIdAsync(userId) ?? throw new InvalidOperationException($"No staff account {userId}");
        await accounts.Entry(user).ReloadAsync();
        await SignInSessionAsync(user, sessionId);
    }

    private Task SignInSessionAsync(StaffUser user, string sessionId) =>
        SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd"), new Claim(StaffClaims.Session, sessionId)]);
}
