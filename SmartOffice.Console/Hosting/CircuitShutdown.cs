using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.JSInterop;

namespace SmartOffice.Console.Hosting;

/// <summary>The circuits open on this console: each with its browser's JS runtime, to ask it to close the circuit.</summary>
internal sealed class OpenCircuits
{
    private readonly ConcurrentDictionary<string, IJSRuntime> _open = new();

    public int Count => _open.Count;

    public IReadOnlyCollection<IJSRuntime> Browsers => [.. _open.Values];

    public void Opened(Circuit circuit, IJSRuntime browser) => _open[circuit.Id] = browser;

    public void Closed(Circuit circuit) => _open.TryRemove(circuit.Id, out _);
}

/// <summary>Registers each circuit with <see cref="OpenCircuits"/> while it exists.</summary>
internal sealed class CircuitRegistration(OpenCircuits circuits, IJSRuntime browser) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Opened(circuit, browser);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Closed(circuit);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A graceful stop (SIGTERM, the host's StopAsync) closes the open circuits first, while the console's services and Kestrel
/// still run: each browser is asked to pause its circuit (blazor.web.js's <c>Blazor.pauseCircuit</c>, .NET 10), which ends
/// the circuit on the server — its components disposed, its timers and sign-in revalidation stopped — instead of leaving it
/// to run into a disposed container after the stop. A browser that no longer answers (its circuit only waiting for a
/// reconnect) is not waited for beyond <see cref="Patience"/>; such a circuit's own work stops with the console
/// (<c>LiveComponent</c>, <c>StaffRevalidation</c>). docs/security-fixes.md.
/// </summary>
internal sealed class CircuitShutdown(OpenCircuits circuits, ILogger<CircuitShutdown> log) : IHostedLifecycleService
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var open = circuits.Count;
        if (open == 0)
            return;
        log.LogInformation("Closing {Count} open circuit(s) before the console stops", open);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        // Not awaited one by one: a paused circuit is gone before its browser's answer could come back through it.
        var pauses = circuits.Browsers.Select(browser => PauseAsync(browser, patience.Token)).ToList();
        try
        {
            // Each browser's pause comes back to the server as its own message; the circuit closes when it is handled.
            while (circuits.Count > 0)
                await Task.Delay(50, patience.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await patience.CancelAsync();
        await Task.WhenAll(pauses);
        log.LogInformation("Open circuits closed before the console stops: {Closed} of {Count}", open - circuits.Count, open);
    }

    private static async Task PauseAsync(IJSRuntime browser, CancellationToken cancellationToken)
    {
        try
        {
            await browser.InvokeVoidAsync("Blazor.pauseCircuit", cancellationToken);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or OperationCanceledException or TaskCanceledException
                                   or InvalidOperationException)
        {
            // Gone, or not answering in time: the circuit waits for a reconnect that will not come, and stops with the console.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
