using Microsoft.Extensions.Options;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Warehouse;

namespace SmartOffice.Console.Warehouse;

/// <summary>
/// Scans the warehouse results folder (and the stock-receipt folder after it) every <c>Warehouse:ScanInterval</c> once the database is ready, as the FAX watcher
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
        try
        {
            await initializer.Ready.WaitAsync(stoppingToken);
            Directory.CreateDirectory(settings.ResultsFolder);
            Directory.CreateDirectory(settings.StockFolder);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception e)
        {
            log.LogError(e, "The warehouse results watcher does not start (database not initialised or folder {Folder} not creatable)",
                settings.ResultsFolder);
            return;
        }
        log.LogInformation("Watching {Folder} for warehouse results every {Interval}", settings.ResultsFolder, settings.ScanInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await import.ScanAsync(cancellationToken: stoppingToken);
                await stock.ScanAsync(cancellationToken: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "A scan of the warehouse results folder failed; trying again in {Interval}", settings.ScanInterval);
            }
            try
            {
                await Task.Delay(settings.ScanInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
