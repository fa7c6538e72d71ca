using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Staff;

/// <summary>
/// Slows down guessing from one address across user names (ASVS 6.3.1), which the per-account lockout cannot: after
/// <see cref="StaffOptions.AddressFailuresBeforeSlowdown"/> failures within <see cref="StaffOptions.AddressFailureWindowMinutes"/>,
/// the address waits 1, 2, 4… seconds (up to <see cref="StaffOptions.AddressSlowdownMaxSeconds"/>) after each failure before
/// its next attempt is even checked. In memory: each instance counts what it sees. See docs/staff-and-production.md.
/// </summary>
internal sealed class SignInThrottle(IOptions<StaffOptions> options, TimeProvider time)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, Failures> _addresses = new();

    private sealed class Failures
    {
        public readonly Queue<DateTimeOffset> Times = new();
        public DateTimeOffset NextAttemptAt;
    }

    /// <summary>How long <paramref name="address"/> must still wait before its next attempt is checked; zero when it may try now.</summary>
    public TimeSpan WaitFor(IPAddress? address)
    {
        if (!_addresses.TryGetValue(Key(address), out var failures))
            return TimeSpan.Zero;
        lock (failures)
        {
            var wait = failures.NextAttemptAt - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    /// <summary>A failed sign-in from <paramref name="address"/> (wrong password, unknown user name, locked or disabled account).</summary>
    public void Failed(IPAddress? address)
    {
        var now = time.GetUtcNow();
        var staff = options.Value;
        Sweep(now);
        var failures = _addresses.GetOrAdd(Key(address), _ => new Failures());
        lock (failures)
        {
            Prune(failures, now);
            failures.Times.Enqueue(now);
            var beyond = failures.Times.Count - staff.AddressFailuresBeforeSlowdown;
            if (beyond >= 0)
                failures.NextAttemptAt = now
                    + TimeSpan.FromSeconds(Math.Min(staff.AddressSlowdownMaxSeconds, Math.Pow(2, Math.Min(beyond, 30))));
        }
    }

    private void Prune(Failures failures, DateTimeOffset now)
    {
        var window = TimeSpan.FromMinutes(options.Value.AddressFailureWindowMinutes);
        while (failures.Times.Count > 0 && now - failures.Times.Peek() > window)
            failures.Times.Dequeue();
    }

    private void Sweep(DateTimeOffset now)
    {
        if (_addresses.Count < SweepAbove)
            return;
        foreach (var (key, failures) in _addresses)
        {
            lock (failures)
            {
                Prune(failures, now);
                if (failures.Times.Count == 0 && failures.NextAttemptAt <= now)
                    _addresses.TryRemove(key, out _);
            }
        }
    }

    private static string Key(IPAddress? address) => address?.IsIPv4MappedToIPv6 == true ? address.MapToIPv4().ToString()
        : address?.ToString() ?? "unknown";
}
