using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Staff;

/// <summary>
/// The server side of staff sessions for this instance: each sign-in cookie and circuit carries a session id, and every check
/// (a request's cookie, a circuit's revalidation) asks here whether it still holds — ended (sign-out, disabled, password),
/// idle for <see cref="StaffOptions.IdleTimeoutMinutes"/> or older than <see cref="StaffOptions.SessionLifetimeHours"/> — on the
/// server's clock, whatever the browser does. Input (page loads, posts, circuit events) is kept in memory and stored every
/// tenth of the idle timeout at most; the stored session is re-read at each revalidation interval, so an end decided by
/// another instance or an administrator is seen within it. See docs/staff-and-production.md.
/// </summary>
internal sealed class StaffSessionTracker(StaffSessionStore store, IOptions<StaffOptions> options, TimeProvider time,
    ILogger<StaffSessionTracker> log)
{
    private const int SweepAbove = 1000;
    private readonly ConcurrentDictionary<string, Tracked> _sessions = new();

    private sealed class Tracked(StaffSession stored, DateTimeOffset loadedAt)
    {
        public StaffSession Stored { get; set; } = stored;
        public DateTimeOffset LoadedAt { get; set; } = loadedAt;
        public DateTimeOffset LastActivity { get; set; } = stored.LastActivityAt;
        public DateTimeOffset StoredActivity { get; set; } = stored.LastActivityAt;
        public StaffSessionEnd? Ended { get; set; } = stored.EndReason;
    }

    /// <summary>Signs <paramref name="user"/> in on the server: the session whose id the cookie will carry.</summary>
    public async Task<StaffSession> StartAsync(StaffUser user, string? address, CancellationToken cancellationToken)
    {
        var session = await store.StartAsync(user, address, cancellationToken);
        _sessions[session.Id] = new Tracked(session, time.GetUtcNow());
        return session;
    }

    /// <summary>Null while the session holds; else why it is over (an idle or too old session is ended here and now).</summary>
    public async Task<StaffSessionEnd?> CheckAsync(string? sessionId, CancellationToken cancellationToken)
    {
        // A cookie without a server session (issued before sessions were kept, or forged) is over.
        if (sessionId is null)
            return StaffSessionEnd.SignedOut;
        var now = time.GetUtcNow();
        var tracked = await TrackedAsync(sessionId, now, cancellationToken);
        if (tracked is null)
            return StaffSessionEnd.SignedOut;
        var staff = options.Value;
        var end = tracked.Ended ?? tracked.Stored.EndAt(now, tracked.LastActivity, staff.IdleTimeout, staff.SessionLifetime);
        if (end is not null && tracked.Ended is null)
        {
            tracked.Ended = end;
            await store.EndAsync(sessionId, end.Value, cancellationToken);
            log.LogInformation("Staff session {SessionId} of {UserId} ended by the server: {Reason}", Short(sessionId),
                tracked.Stored.UserId, end);
        }
        return end;
    }

    /// <summary>True when this instance already knows the session is over (no database read: for every circuit message).</summary>
    public bool IsKnownEnded(string? sessionId) =>
        sessionId is null || (_sessions.TryGetValue(sessionId, out var tracked) && tracked.Ended is not null);

    /// <summary>A person's input in this session (page, post, click, key): kept, and stored now and then.</summary>
    public void RecordInput(string? sessionId)
    {
        if (sessionId is null || !_sessions.TryGetValue(sessionId, out var tracked))
            return;
        var now = time.GetUtcNow();
        bool store;
        lock (tracked)
        {
            if (now > tracked.LastActivity)
                tracked.LastActivity = now;
            store = now - tracked.StoredActivity >= StoreEvery;
            if (store)
                tracked.StoredActivity = now;
        }
        if (store)
            _ = StoreInputAsync(sessionId, now);
    }

    /// <summary>Ends the session on the server (sign-out, idle sign-out from the page).</summary>
    public async Task EndAsync(string? sessionId, StaffSessionEnd reason, CancellationToken cancellationToken)
    {
        if (sessionId is null)
            return;
        await store.EndAsync(sessionId, reason, cancellationToken);
        _sessions.TryRemove(sessionId, out _);
    }

    /// <summary>Input is stored at most every tenth of the idle timeout (and at least once per revalidation interval).</summary>
    private TimeSpan StoreEvery =>
        TimeSpan.FromTicks(Math.Min(options.Value.IdleTimeout.Ticks / 10, options.Value.RevalidationInterval.Ticks));

    private async Task<Tracked?> TrackedAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_sessions.TryGetValue(sessionId, out var tracked) && now - tracked.LoadedAt < options.Value.RevalidationInterval)
            return tracked;
        var stored = await store.FindAsync(sessionId, cancellationToken);
        if (stored is null)
        {
            _sessions.TryRemove(sessionId, out _);
            return null;
        }
        if (tracked is null)
        {
            Sweep(now);
            return _sessions.GetOrAdd(sessionId, new Tracked(stored, now));
        }
        lock (tracked)
        {
            tracked.Stored = stored;
            tracked.LoadedAt = now;
            tracked.Ended ??= stored.EndReason;
            // Input seen by another instance counts too.
            if (stored.LastActivityAt > tracked.LastActivity)
                tracked.LastActivity = stored.LastActivityAt;
        }
        return tracked;
    }

    private async Task StoreInputAsync(string sessionId, DateTimeOffset at)
    {
        try
        {
            await store.RecordActivityAsync(sessionId, at, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The next input stores it again; until then the in-memory time counts on this instance.
            log.LogWarning(e, "Could not store the last input of staff session {SessionId}", Short(sessionId));
        }
    }

    /// <summary>Forgets sessions idle for longer than the timeout (they are re-read from the database if they come back).</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (_sessions.Count < SweepAbove)
            return;
        foreach (var (id, tracked) in _sessions)
        {
            if (now - tracked.LastActivity > options.Value.IdleTimeout)
                _sessions.TryRemove(id, out _);
        }
    }

    /// <summary>Enough of the id to follow it in the log, not enough to use it.</summary>
    private static string Short(string sessionId) => sessionId[..Math.Min(8, sessionId.Length)];
}
