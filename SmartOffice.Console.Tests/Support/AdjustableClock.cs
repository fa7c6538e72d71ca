namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// The run's <see cref="TestClock"/> (real speed), which a test can move forward at once: an hour of idleness without an
/// hour of waiting. Only the app's clock moves; timers and the browser keep real time.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => TestClock.Run.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
