using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Staff;

/// <summary>
/// The server's record of staff sessions and sign-in attempts, for the console's sign-in and its session checks (no staff
/// caller: the person is signing in, or the server itself ends their session). Sign-ins, failures and session ends go
/// into the person's history (the audit trail) as well.
/// </summary>
public sealed class StaffSessionStore(IDbContextFactory<SmartOfficeDbContext> contexts, TimeProvider time)
{
    /// <summary>A new session for <paramref name="user"/>, whose password was just checked.</summary>
    public async Task<StaffSession> StartAsync(StaffUser user, string? address, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = StaffSession.Start(user.Id, address, time.GetUtcNow());
        db.StaffSessions.Add(session);
        db.AuditEntries.Add(AuditTrail.BySelf(user, time, "Staff.SignedIn", null, address));
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    public async Task<StaffSession?> FindAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StaffSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
    }

    /// <summary>Input was seen at <paramref name="at"/>: stored unless the session has ended or a later time is stored.</summary>
    public async Task RecordActivityAsync(string sessionId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.StaffSessions.Where(s => s.Id == sessionId && s.EndedAt == null && s.LastActivityAt < at)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastActivityAt, at), cancellationToken);
    }

    /// <summary>Ends the session (once: a second end, here or on another instance, changes nothing) and writes why into
    /// the person's history.</summary>
    public async Task EndAsync(string sessionId, StaffSessionEnd reason, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var ended = await db.StaffSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason), cancellationToken);
        var session = await db.StaffSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        var user = session is null ? null
            : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == session.UserId, cancellationToken);
        if (ended == 0 || user is null)
            return;
        db.AuditEntries.Add(AuditTrail.BySelf(user, time, reason == StaffSessionEnd.SignedOut ? "Staff.SignedOut" : "Staff.SessionEnded",
            new { Reason = reason }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A wrong password for an existing account (unknown user names are only logged), in its history.</summary>
    public async Task RecordFailedSignInAsync(StaffUser user, bool lockedOut, string? address,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(AuditTrail.BySelf(user, time, lockedOut ? "Staff.LockedOut" : "Staff.SignInFailed", null, address));
        await db.SaveChangesAsync(cancellationToken);
    }
}
