using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Staff;

/// <summary>
/// Re-checks every <see cref="StaffOptions.RevalidationMinutes"/> that a circuit's staff account still exists, is active and
/// has the same security stamp (the same rule as the cookie's), and that its server-side session holds (not idle, not too
/// old, not ended): a disabled account, a changed role or an idle page loses its open circuits on the server's own clock.
/// Not once the console stops: its services are going away, and a circuit still open then ends with it.
/// </summary>
internal sealed class StaffRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<StaffOptions> options,
    StaffSessionTracker sessions,
    IHostApplicationLifetime lifetime) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    /// <summary>Why the circuit's session ended, once it has (the sign-in page then says so).</summary>
    public StaffSessionEnd? Ended { get; private set; }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return true;
        Ended = await sessions.CheckAsync(StaffClaims.SessionOf(state.User), cancellationToken);
        if (Ended is not null)
            return false;
        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>();
        return await signIn.ValidateSecurityStampAsync(state.User) is not null;
    }
}
