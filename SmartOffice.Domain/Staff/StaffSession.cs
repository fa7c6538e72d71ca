using System.Security.Cryptography;

namespace SmartOffice.Domain.Staff;

/// <summary>Why a staff session ended.</summary>
public enum StaffSessionEnd
{
    SignedOut,
    /// <summary>No input for <see cref="StaffOptions.IdleTimeoutMinutes"/>.</summary>
    Idle,
    /// <summary>Older than <see cref="StaffOptions.SessionLifetimeHours"/>.</summary>
    Lifetime,
    /// <summary>The account was disabled or locked.</summary>
    Disabled,
    /// <summary>Its role or dealer changed: the person signs in again with the new rights.</summary>
    AccessChanged,
    /// <summary>The person changed their password in another session.</summary>
    PasswordChanged,
    /// <summary>An administrator gave a new temporary password.</summary>
    PasswordReset,
}

/// <summary>
/// One sign-in of a staff member, kept on the server: the sign-in cookie and the circuits carry only its id, so the
/// server decides when it ends (idle, lifetime, disabled…) whatever the browser does. See docs/staff-and-production.md.
/// </summary>
public class StaffSession
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    /// <summary>The last input seen (page, click, key, keep-alive), stored at most every few seconds.</summary>
    public DateTimeOffset LastActivityAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public StaffSessionEnd? EndReason { get; private set; }
    /// <summary>Where the sign-in came from (IPv4 or IPv6).</summary>
    public string? Address { get; init; }

    public static StaffSession Start(string userId, string? address, DateTimeOffset now) => new()
    {
        Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        UserId = userId,
        StartedAt = now,
        LastActivityAt = now,
        Address = address,
    };

    /// <summary>Why the session is over at <paramref name="now"/> (ended, idle or too old), or null while it holds.</summary>
    public StaffSessionEnd? EndAt(DateTimeOffset now, DateTimeOffset lastActivity, TimeSpan idleTimeout, TimeSpan lifetime) =>
        EndReason ?? (now - lastActivity >= idleTimeout ? StaffSessionEnd.Idle
            : now - StartedAt >= lifetime ? StaffSessionEnd.Lifetime
            : null);

    public void End(StaffSessionEnd reason, DateTimeOffset now)
    {
        if (EndReason is not null)
            return;
        EndReason = reason;
        EndedAt = now;
    }
}

internal static class OpenStaffSessions
{
    /// <summary>Ends a person's open sessions but <paramref name="keep"/>, in the caller's transaction; returns how many.</summary>
    public static async Task<int> EndOpenSessionsAsync(this Persistence.SmartOfficeDbContext db, string userId, StaffSessionEnd reason,
        DateTimeOffset now, CancellationToken cancellationToken, string? keep = null)
    {
        var open = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.StaffSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != keep), cancellationToken);
        foreach (var session in open)
            session.End(reason, now);
        return open.Count;
    }
}
