using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Accounts;

/// <summary>What the storefront tells a web user who tried to sign in.</summary>
public enum WebSignInResult
{
    Succeeded,
    /// <summary>Signed in with a temporary password from the desk: the storefront must ask for a new one first.</summary>
    MustChangePassword,
    /// <summary>Unknown ID, inactive user or wrong password — deliberately indistinguishable.</summary>
    Failed,
    /// <summary>ID失効: the failures passed the threshold; only the customer desk unlocks it.</summary>
    LockedOut,
}

/// <summary>
/// The web storefront's sign-in rule (docs/business-rules.md §5). The storefront has no staff caller, so there is no access check:
/// it is the web user's own password that is checked. Failures are counted by one atomic UPDATE, so concurrent
/// attempts never lose an increment, and the same statement locks the ID on the failure past the threshold.
/// </summary>
public sealed class WebUserSignInService(IDbContextFactory<SmartOfficeDbContext> contexts, IOptions<RulesOptions> rules, TimeProvider time)
{
    private static readonly PasswordHasher<WebUser> Hasher = new();

    public async Task<WebSignInResult> SignInAsync(string userId, string password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userId) || password is null)
            return WebSignInResult.Failed;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.WebUsers.AsNoTracking()
            .Where(u => u.UserId == userId.Trim() && u.IsActive)
            .Select(u => new { u.Id, u.PasswordHash, u.LockedAt, u.MustChangePassword })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
            return WebSignInResult.Failed;
        // A locked ID is refused before the password is looked at: the answer must not tell whether it was right.
        if (user.LockedAt is not null)
            return WebSignInResult.LockedOut;

        var now = time.GetUtcNow();
        var stillOpen = db.WebUsers.Where(u => u.Id == user.Id && u.LockedAt == null);
        if (Hasher.VerifyHashedPassword(null!, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var threshold = rules.Value.LockoutThreshold;
            // One transaction: whether this failure locked the ID is read before any later failure can lock it.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // SET evaluates every right-hand side on the old row: the lock sees the count before this increment.
            var counted = await stillOpen.ExecuteUpdateAsync(s => s
                .SetProperty(u => u.FailedPasswordCount, u => u.FailedPasswordCount + 1)
                .SetProperty(u => u.LastFailedAt, now)
                .SetProperty(u => u.LockedAt, u => u.FailedPasswordCount + 1 > threshold ? now : u.LockedAt), cancellationToken);
            var lockedNow = counted == 0 || await db.WebUsers.AnyAsync(u => u.Id == user.Id && u.LockedAt != null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return lockedNow ? WebSignInResult.LockedOut : WebSignInResult.Failed;
        }

        // Success resets the count — unless a concurrent failure locked the ID in the meantime.
        var reset = await stillOpen.ExecuteUpdateAsync(s => s
            .SetProperty(u => u.FailedPasswordCount, 0)
            .SetProperty(u => u.LastSignInAt, now), cancellationToken);
        if (reset == 0)
            return WebSignInResult.LockedOut;
        return user.MustChangePassword ? WebSignInResult.MustChangePassword : WebSignInResult.Succeeded;
    }

    /// <summary>
    /// The web user's own password change, e.g. after a temporary password: the current password is checked (and a
    /// wrong one counted) exactly as at sign-in; on success the new one replaces it and the change flag is cleared.
    /// </summary>
    public async Task<WebSignInResult> ChangePasswordAsync(string userId, string currentPassword, string newPassword,
        CancellationToken cancellationToken = default)
    {
        var minimum = rules.Value.MinimumWebPasswordLength;
        if ((newPassword ?? "").Length < minimum)
            throw new BusinessRuleException("Accounts.PasswordTooShort", minimum);
        if (newPassword == currentPassword)
            throw new BusinessRuleException("Accounts.PasswordUnchanged");
        var result = await SignInAsync(userId, currentPassword, cancellationToken);
        if (result is not (WebSignInResult.Succeeded or WebSignInResult.MustChangePassword))
            return result;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hash = Hasher.HashPassword(null!, newPassword!);
        var changed = await db.WebUsers.Where(u => u.UserId == userId.Trim() && u.LockedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.PasswordHash, hash)
            .SetProperty(u => u.MustChangePassword, false), cancellationToken);
        return changed == 0 ? WebSignInResult.LockedOut : WebSignInResult.Succeeded;
    }
}
