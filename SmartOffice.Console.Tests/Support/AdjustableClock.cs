using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

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

/// <summary>A console without demo data on an <see cref="AdjustableClock"/>; a subclass adds its settings.</summary>
public abstract class AdjustableClockApp : ConsoleApp
{
    public const string Password = "lantern-river-42";

    public AdjustableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
