using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Jobs;

/// <summary>
/// Readiness of the job scheduler: running (or in standby by <c>Jobs:SchedulerEnabled</c>), each job's next fire and last
/// run, and misfires — a trigger overdue by more than <c>Jobs:MisfireThreshold</c>, or a recent run that was the catch-up of a
/// missed fire. Degraded on a misfire or a failed last run; unhealthy when the scheduler did not start.
/// </summary>
internal sealed class JobSchedulerHealthCheck(JobScheduler jobs, IDbContextFactory<SmartOfficeDbContext> contexts,
    IOptions<JobsOptions> options,
    TimeProvider time) : IHealthCheck
{
    /// <summary>A catch-up run this recent still shows as a misfire.</summary>
    private static readonly TimeSpan RecentMisfire = TimeSpan.FromDays(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!jobs.Scheduler.IsCompleted)
            return HealthCheckResult.Degraded("the scheduler is starting");
        if (!jobs.Scheduler.IsCompletedSuccessfully)
            return HealthCheckResult.Unhealthy("the scheduler did not start", jobs.Scheduler.Exception?.GetBaseException());
        var scheduler = await jobs.Scheduler;
        var state = await scheduler.GetMetadata(cancellationToken);
        if (state.Status is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown)
            return HealthCheckResult.Unhealthy("the scheduler is shut down");

        var now = time.GetUtcNow();
        Dictionary<string, JobRun> lastRuns;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var latest = db.JobRuns.GroupBy(r => r.JobName).Select(g => g.Max(r => r.Id));
            lastRuns = await db.JobRuns.AsNoTracking().Where(r => latest.Contains(r.Id))
                .ToDictionaryAsync(r => r.JobName, cancellationToken);
        }
        var firing = jobs.IsFiring && state.Status == SchedulerStatus.Running;
        var problems = new List<string>();
        var report = new List<object>();
        foreach (var key in (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), cancellationToken)).OrderBy(k => k.Name))
        {
            var trigger = await scheduler.GetTrigger(key, cancellationToken);
            var last = lastRuns.GetValueOrDefault(key.Name);
            var overdue = firing && trigger?.NextFireTimeUtc < now - options.Value.MisfireThreshold;
            var caughtUp = last is { Trigger: JobRunTrigger.Misfire } && now - last.StartedAt < RecentMisfire;
            if (overdue || caughtUp)
                problems.Add($"{key.Name} misfired");
            if (last?.Outcome == JobRunOutcome.Failed)
                problems.Add($"{key.Name} failed");
            report.Add(new
            {
                job = key.Name,
                nextFire = trigger?.NextFireTimeUtc,
                lastRun = last is null ? null
                    : new { last.StartedAt, last.FinishedAt, outcome = last.Outcome.ToString(), trigger = last.Trigger.ToString(),
                    last.BusinessKey },
                misfire = overdue || caughtUp,
            });
        }
        var data = new Dictionary<string, object> { ["running"] = firing, ["standbyBySetting"] = !jobs.IsFiring, ["jobs"] = report };
        return problems.Count == 0
            ? HealthCheckResult.Healthy(firing ? "running" : "standby (Jobs:SchedulerEnabled is false)", data)
            : HealthCheckResult.Degraded(string.Join("; ", problems), data: data);
    }
}
