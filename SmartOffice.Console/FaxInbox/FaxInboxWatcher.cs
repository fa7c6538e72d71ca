using Microsoft.Extensions.Options;
using SmartOffice.Console.Hosting;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.FaxInbox;

/// <summary>
/// Scans the FAX drop folder every <c>FaxInbox:PollInterval</c> once the database is ready, for as long as the app runs.
/// It never dies: whatever a scan throws is logged and the next scan comes (the intake reports folder problems itself).
/// The drop folder is created at start when missing (a fresh install); a folder that disappears later is reported, not
/// recreated, so an unmounted share shows up instead of silently filling a local folder.
/// </summary>
public sealed class FaxInboxWatcher(
    FaxIntakeService intake,
    IOptions<FaxInboxOptions> options,
    DatabaseInitializer initializer,
    TimeProvider time,
    ILogger<FaxInboxWatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.WatcherEnabled)
        {
            log.LogInformation("FaxInbox:WatcherEnabled is false: no folder is watched");
            return;
        }
        if (!await initializer.WaitUntilReadyAsync(log, "The FAX watcher", stoppingToken))
            return;
        CreateDropFolder(settings.DropFolder);
        log.LogInformation("Watching {Folder} for FAXes every {Interval}", settings.DropFolder, settings.PollInterval);
        await PollingLoop.RunAsync(intake.ScanAsync, settings.PollInterval, time, log, "A scan of the FAX drop folder", stoppingToken);
    }

    private void CreateDropFolder(string folder)
    {
        if (Directory.Exists(folder) || File.Exists(folder))
            return;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogError("The FAX drop folder {Folder} cannot be created: {Reason}", folder, e.Message);
        }
    }
}
