using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Staff;

/// <summary>
/// Re-checks every <see cref="StaffOptions.RevalidationMinutes"/> that a circuit's staff account still exists, is active and
/// has the same security stamp (the same rule as the cookie's), so a disabled account or a changed role loses its open circuits.
/// Not once the console stops: its services are going away, and a circuit still open then ends with it.
/// </summary>
internal sealed class StaffRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<StaffOptions> options,
    IHostApplicationLifetime lifetime) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(options.Value.RevalidationMinutes);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return true;
        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>();
        return await signIn.ValidateSecurityStampAsync(state.User) is not null;
    }
}
