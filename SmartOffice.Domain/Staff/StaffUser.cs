using Microsoft.AspNetCore.Identity;

namespace SmartOffice.Domain.Staff;

/// <summary>A console user (desk agent, dealer rep, supervisor, administrator).</summary>
public class StaffUser : IdentityUser
{
    public required string DisplayName { get; set; }
    /// <summary>Dealer reps are bound to exactly one dealer and see only its customers.</summary>
    public int? DealerId { get; set; }
    /// <summary>A disabled account cannot sign in and loses its open sessions.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>Made by the demo generator (published password): disabled whenever the demo is off.</summary>
    public bool IsDemo { get; set; }
    /// <summary>A temporary password (new account or reset): nothing but the password change until it is changed.</summary>
    public bool MustChangePassword { get; set; }

    public bool IsLockedOutAt(DateTimeOffset now) => LockoutEnd is { } end && end > now;

    /// <summary>Every change of password, role, dealer or state: the next check of a cookie or circuit refuses the old ones.</summary>
    public void RenewSecurityStamp()
    {
        SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        Changed();
    }

    /// <summary>A dealer rep's dealer (none for the other roles); with a new role, the rights change at the next check.</summary>
    public void AssignDealer(int? dealerId)
    {
        DealerId = dealerId;
        RenewSecurityStamp();
    }

    public void Disable()
    {
        IsActive = false;
        RenewSecurityStamp();
    }

    public void Enable()
    {
        IsActive = true;
        Changed();
    }

    public void Unlock()
    {
        LockoutEnd = null;
        AccessFailedCount = 0;
        Changed();
    }

    /// <summary>A password the administrator hands over: it works once, for the change.</summary>
    public void SetTemporaryPassword(string hash)
    {
        PasswordHash = hash;
        MustChangePassword = true;
        Unlock();
        RenewSecurityStamp();
    }

    public void SetOwnPassword(string hash)
    {
        PasswordHash = hash;
        MustChangePassword = false;
        AccessFailedCount = 0;
        RenewSecurityStamp();
    }

    /// <summary>
    /// A wrong password (at sign-in or as the current one): the account locks at <paramref name="maxFailures"/>. Its open sessions
    /// stay: someone else guessing must not sign the person out.
    /// </summary>
    /// <returns>True when this failure locked the account.</returns>
    public bool RecordWrongPassword(DateTimeOffset now, int maxFailures, TimeSpan lockout)
    {
        AccessFailedCount++;
        Changed();
        if (AccessFailedCount < maxFailures)
            return false;
        AccessFailedCount = 0;
        LockoutEnd = now + lockout;
        return true;
    }

    /// <summary>
    /// The version a screen saw (Identity's concurrency stamp, a concurrency token): renewed by every change, so a change made
    /// on a stale screen is refused, and a concurrent save fails at SaveChanges.
    /// </summary>
    private void Changed() => ConcurrencyStamp = Guid.NewGuid().ToString();
}
