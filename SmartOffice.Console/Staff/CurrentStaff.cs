using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Staff;

/// <summary>
/// The signed-in staff member as the domain sees it: from the HTTP request while one runs
/// (sign-in, exports, prerendering), else from the circuit's authentication state.
/// </summary>
internal sealed class CurrentStaff(IHttpContextAccessor http, AuthenticationStateProvider authentication) : ICurrentStaff
{
    private ClaimsPrincipal User
    {
        get
        {
            if (http.HttpContext?.User is { } requestUser)
                return requestUser;
            var state = authentication.GetAuthenticationStateAsync();
            // The server provider's state is set when the circuit starts, so the task is complete here.
            return state.IsCompletedSuccessfully ? state.Result.User : new ClaimsPrincipal();
        }
    }

    public bool IsAuthenticated => User.Identity?.IsAuthenticated == true;
    public string Id => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    public string Name => User.FindFirstValue(StaffClaims.DisplayName) ?? User.Identity?.Name ?? "";
    public int? DealerId =>
        int.TryParse(User.FindFirstValue(StaffClaims.DealerId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    public bool IsInRole(string role) => User.IsInRole(role);
}
