using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Staff;

/// <summary>Claims the console reads besides roles: the display name and a dealer rep's dealer.</summary>
public static class StaffClaims
{
    public const string DisplayName = "smartoffice:display_name";
    public const string DealerId = "smartoffice:dealer_id";
}

internal sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        if (user.DealerId is { } dealer)
            identity.AddClaim(new Claim(StaffClaims.DealerId, dealer.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
