namespace SmartOffice.Console.Hosting;

/// <summary>
/// The loop of every folder watcher and background worker: one pass, then a wait of the interval, until the app stops.
/// It never dies: whatever a pass throws is logged and the next pass comes.
/// </summary>
internal static class PollingLoop
{
    /// <param name="what">What a pass does, for the log line of its failure ("A scan of the FAX drop folder").</param>
    /// <param name="wake">Taken before each pass: a task that ends the wait early when new work comes (null: none).</param>
    public static async Task RunAsync(Func<CancellationToken, Task> pass, TimeSpan interval, TimeProvider time, ILogger log, string what,
        CancellationToken stoppingToken, Func<Task>? wake = null)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = wake?.Invoke();
            try
            {
                await pass(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "{What} failed; trying again in {Interval}", what, interval);
            }
            var delay = Task.Delay(interval, time, stoppingToken);
            await (woken is null ? delay : Task.WhenAny(woken, delay)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
