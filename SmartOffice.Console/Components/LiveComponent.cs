using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace SmartOffice.Console.Components;

/// <summary>
/// A component that re-reads by itself — on a timer, or when another agent or the FAX watcher changes something — rather than
/// on its user's action. That work runs outside any event of the page, so a failure used to be lost with its fire-and-forget
/// task: here it is logged and kept in <see cref="RefreshFailedAt"/> for the page's notice, and the next re-read tries again
/// (and clears it). The re-reads stop when the component goes away or the console stops (docs/security-fixes.md).
/// A change is raised on another agent's circuit or the watcher's thread, whose culture would flow into the re-render: the
/// circuit's own, captured when the component is made, is applied to every re-read and its notice.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;
    private CancellationTokenRegistration _consoleStopping;
    private bool _watching;

    [Inject] private IHostApplicationLifetime Lifetime { get; set; } = default!;
    [Inject] private ILoggerFactory Loggers { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    /// <summary>When the last re-read failed: what the component shows is from before then. Null once one succeeds.</summary>
    protected DateTimeOffset? RefreshFailedAt { get; private set; }

    /// <summary>Cancelled when the component is disposed or the console stops.</summary>
    protected CancellationToken Stopping => _stop.Token;

    /// <summary>What a re-read does; runs on the component's dispatcher, which renders afterwards.</summary>
    protected abstract Task OnRefreshAsync(CancellationToken cancellationToken);

    /// <summary>Re-reads every <paramref name="interval"/> until the component or the console stops.</summary>
    protected void RefreshEvery(TimeSpan interval)
    {
        Watch();
        _ = EveryAsync(interval);
    }

    /// <summary>A re-read now (another agent's change): its failure is logged and shown, never lost.</summary>
    protected void RefreshSoon()
    {
        Watch();
        _ = RefreshAsync();
    }

    private void Watch()
    {
        if (_watching)
            return;
        _watching = true;
        _consoleStopping = Lifetime.ApplicationStopping.Register(_stop.Cancel);
    }

    private async Task EveryAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
                await RefreshAsync();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            await InvokeAsync(async () =>
            {
                ApplyCulture();
                await OnRefreshAsync(_stop.Token);
                RefreshFailedAt = null;
                StateHasChanged();
            });
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // The component or the console is going away: what the re-read met then is not the page's failure.
        }
        catch (Exception e)
        {
            Loggers.CreateLogger(GetType()).LogError(e, "{Component} could not re-read: it keeps showing what it last read and tries again",
                GetType().Name);
            await ShowFailureAsync();
        }
    }

    private async Task ShowFailureAsync()
    {
        try
        {
            await InvokeAsync(() =>
            {
                ApplyCulture();
                RefreshFailedAt = Time.GetUtcNow();
                StateHasChanged();
            });
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
    }

    private void ApplyCulture()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }

    public virtual void Dispose()
    {
        _consoleStopping.Dispose();
        _stop.Cancel();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
