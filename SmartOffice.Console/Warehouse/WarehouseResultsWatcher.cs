using Microsoft.Extensions.Options;
using SmartOffice.Console.Hosting;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Warehouse;

namespace SmartOffice.Console.Warehouse;

/// <summary>
/// Scans the warehouse results folder (and the stock-receipt folder after it) every <c>Warehouse:ScanInterval</c> once
/// the database is ready, as the FAX watcher
/// does: the folder is created at start when missing; a scan's failure is logged and the next scan comes.
/// </summary>
public sealed class WarehouseResultsWatcher(
    WarehouseResultsImport import,
    StockReceiptImport stock,
    IOptions<WarehouseOptions> options,
    DatabaseInitializer initializer,
    TimeProvider time,
    ILogger<WarehouseResultsWatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.WatcherEnabled)
            return;
        if (!await initializer.WaitUntilReadyAsync(log, "The warehouse results watcher", stoppingToken))
            return;
        try
        {
            Directory.CreateDirectory(settings.ResultsFolder);
            Directory.CreateDirectory(settings.StockFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogError("The warehouse results folder {Folder} cannot be created: {Reason}", settings.ResultsFolder, e.Message);
            return;
        }
        log.LogInformation("Watching {Folder} for warehouse results every {Interval}", settings.ResultsFolder, settings.ScanInterval);
        await PollingLoop.RunAsync(async cancellationToken =>
        {
            await import.ScanAsync(cancellationToken: cancellationToken);
            await stock.ScanAsync(cancellationToken: cancellationToken);
        }, settings.ScanInterval, time, log, "A scan of the warehouse results and stock folders", stoppingToken);
    }
}
