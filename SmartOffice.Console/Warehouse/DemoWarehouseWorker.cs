using Microsoft.Extensions.Options;
using SmartOffice.Domain.Demo;
using SmartOffice.Console.Hosting;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Warehouse;

namespace SmartOffice.Console.Warehouse;

/// <summary>
/// Demo mode only (<c>Demo:Enabled</c> and <c>Warehouse:DemoWarehouseEnabled</c>): the simulated warehouse looks for due
/// instructions every <c>Warehouse:ScanInterval</c> and answers them (docs/warehouse-files.md, "Demo"); never in production.
/// </summary>
public sealed class DemoWarehouseWorker(
    DemoWarehouse warehouse,
    IOptions<DemoOptions> demo,
    IOptions<WarehouseOptions> options,
    DatabaseInitializer initializer,
    TimeProvider time,
    ILogger<DemoWarehouseWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!demo.Value.Enabled || !settings.DemoWarehouseEnabled)
            return;
        if (!await initializer.WaitUntilReadyAsync(log, "The simulated demo warehouse", stoppingToken))
            return;
        log.LogInformation("Demo mode: the simulated warehouse answers each shipping instruction after {Delay}", settings.DemoAnswerDelay);
        await PollingLoop.RunAsync(async cancellationToken =>
        {
            if (await warehouse.AnswerDueAsync(cancellationToken) is > 0 and var files)
                log.LogInformation("Demo warehouse wrote {Count} results file(s) into {Folder}", files, settings.ResultsFolder);
            if (await warehouse.ReceiveStockDueAsync(cancellationToken))
                log.LogInformation("Demo warehouse sent stock for the back orders into {Folder}", settings.StockFolder);
        }, settings.ScanInterval, time, log, "The simulated demo warehouse's answer", stoppingToken);
    }
}
