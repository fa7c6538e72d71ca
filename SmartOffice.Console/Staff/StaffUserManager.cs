using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Staff;

/// <summary>
/// Identity's user manager on the app's clock: a lockout is counted and read with the injected <see cref="TimeProvider"/>, by
/// the same rule as the domain's (<see cref="StaffUser.RecordWrongPassword"/>), so a lockout set by a wrong sign-in, a wrong
/// current password or an administrator ends at the same moment for all of them (Identity alone reads the machine's clock).
/// </summary>
internal sealed class StaffUserManager(IUserStore<StaffUser> store, IOptions<IdentityOptions> options, IPasswordHasher<StaffUser> hasher,
    IEnumerable<IUserValidator<StaffUser>> userValidators, IEnumerable<IPasswordValidator<StaffUser>> passwordValidators,
        ILookupNormalizer normalizer,
    IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<StaffUser>> logger, TimeProvider time)
    : UserManager<StaffUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override Task<bool> IsLockedOutAsync(StaffUser user) =>
        Task.FromResult(user.LockoutEnabled && user.IsLockedOutAt(time.GetUtcNow()));

    public override Task<IdentityResult> AccessFailedAsync(StaffUser user)
    {
        if (user.LockoutEnabled
            && user.RecordWrongPassword(time.GetUtcNow(), Options.Lockout.MaxFailedAccessAttempts, Options.Lockout.DefaultLockoutTimeSpan))
            Logger.LogWarning("Staff account {UserId} locked out until {LockoutEnd}", user.Id, user.LockoutEnd);
        return UpdateUserAsync(user);
    }
}
