using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.FaxInbox;

namespace SmartOffice.Console.FaxInbox;

/// <summary>Readiness of the FAX watcher: its folder alerts (the inbox page's banner) and when it last scanned.
/// Degraded while a folder has a problem.</summary>
internal sealed class FaxWatcherHealthCheck(FaxIntakeStatus status, IOptions<FaxInboxOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.WatcherEnabled)
            return Task.FromResult(HealthCheckResult.Healthy("off (FaxInbox:WatcherEnabled is false)"));
        var alerts = status.Alerts;
        var data = new Dictionary<string, object>
        {
            ["dropFolder"] = options.Value.DropFolder,
            ["lastScan"] = status.LastScanAt?.ToString("O") ?? "none yet",
            ["alerts"] = alerts.Select(a => new { folder = a.Folder.ToString(), a.Path, a.Reason, a.Since, a.FilesWaiting }).ToList(),
        };
        return Task.FromResult(alerts.Count == 0
            ? HealthCheckResult.Healthy("watching", data)
            : HealthCheckResult.Degraded(string.Join("; ", alerts.Select(a => $"{a.Folder} folder: {a.Reason}")), data: data));
    }
}
