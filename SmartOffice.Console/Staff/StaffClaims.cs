using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Staff;

/// <summary>Claims the console reads besides roles: the display name, a dealer rep's dealer, the session and a pending
/// password change.</summary>
public static class StaffClaims
{
    public const string DisplayName = "smartoffice:display_name";
    public const string DealerId = "smartoffice:dealer_id";
    /// <summary>The server-side session (<see cref="Domain.Staff.StaffSession"/>) this sign-in belongs to.</summary>
    public const string Session = "smartoffice:session";
    /// <summary>Present while the person signed in with a temporary password: only the password change is open to them.</summary>
    public const string MustChangePassword = "smartoffice:must_change_password";

    public static string? SessionOf(ClaimsPrincipal? user) => user?.FindFirstValue(Session);
}

internal sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "true"));
        if (user.DealerId is { } dealer)
            identity.AddClaim(new Claim(StaffClaims.DealerId, dealer.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
