using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// A console of its own (no demo data, sign-ins re-checked every 3 seconds) whose every log event is also kept by the test in
/// <see cref="Events"/>: a Serilog sink registered as a service joins the configured ones. The sink is the test's, so it
/// outlives the console's logger and keeps what is logged after a stop too.
/// </summary>
public sealed class CapturingConsoleApp : ConsoleApp
{
    public const string Password = "capture-pass-1";

    public CapturedEvents Events { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["Staff:RevalidationMinutes"] = "0.05",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Events));
    }
}

public sealed class CapturedEvents : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
            _events.Add(logEvent);
    }

    public IReadOnlyList<LogEvent> Snapshot()
    {
        lock (_events)
            return [.. _events];
    }

    /// <summary>Errors and worse, one line each, for an assertion's message.</summary>
    public IReadOnlyList<string> Errors() => Snapshot().Where(e => e.Level >= LogEventLevel.Error)
        .Select(e => $"{e.Timestamp:HH:mm:ss.fff} {e.Level} {e.RenderMessage()} {e.Exception?.GetType().Name}: {e.Exception?.Message}")
            .ToList();
}
