using Microsoft.Extensions.Options;
using SmartOffice.Console.Hosting;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.FaxInbox;

/// <summary>
/// Reads FAXes in the background (FAX recognition): once the database is ready it loads one engine per
/// <c>FaxRecognition:Concurrency</c> and keeps them, then each reader takes unread FAXes one by one until none is left,
/// and waits for the inbox to change (an import) or <c>PollInterval</c>. Without tesseract it logs once, the inbox shows
/// one notice, and it stops — nothing else changes. Whatever one reading throws is logged and the loop goes on.
/// </summary>
public sealed class FaxRecognitionWorker(
    FaxRecognitionRunner runner,
    IOptions<FaxRecognitionOptions> options,
    DatabaseInitializer initializer,
    FaxInboxChanges changes,
    TimeProvider time,
    ILogger<FaxRecognitionWorker> log) : BackgroundService
{
    private volatile TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            log.LogInformation("FaxRecognition:Enabled is false: FAXes are not read");
            return;
        }
        if (!await initializer.WaitUntilReadyAsync(log, "FAX recognition", stoppingToken))
            return;
        var engines = await Task.Run(runner.LoadEngines, stoppingToken);
        if (engines is null)
            return;
        changes.Changed += OnChanged;
        try
        {
            await Task.WhenAll(engines.Select(engine =>
                Task.Run(() => ReadAsync(engine, settings.PollInterval, stoppingToken), CancellationToken.None)));
        }
        finally
        {
            changes.Changed -= OnChanged;
            foreach (var engine in engines)
                engine.Dispose();
        }
    }

    private void OnChanged() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private Task ReadAsync(IOcrEngine engine, TimeSpan pollInterval, CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(async cancellationToken =>
        {
            while (await runner.ReadNextAsync(engine, cancellationToken))
            {
            }
        }, pollInterval, time, log, "FAX recognition", stoppingToken, wake: () => _changed.Task);
}
