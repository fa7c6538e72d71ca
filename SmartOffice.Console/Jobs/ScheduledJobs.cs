using Quartz;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Warehouse;

namespace SmartOffice.Console.Jobs;

/// <summary>
/// Runs one cutoff (its name is the job's name) through the domain, which makes every run idempotent. Never twice at once:
/// a run-now while the scheduled or catch-up fire runs waits for it (the batch's unique key guards the database anyway).
/// </summary>
[DisallowConcurrentExecution]
public sealed class CutoffJob(CutoffBatchService cutoffs, ILogger<CutoffJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var run = await cutoffs.RunAsync(context.JobDetail.Key.Name, JobTriggers.Classify(context), JobTriggers.StaffOf(context),
            cancellationToken);
        JobTriggers.Log(log, run);
    }
}

/// <summary>
/// ポイント失効 after each month end. Never twice at once (run-now, the catch-up after an outage): the second waits and then
/// finds nothing due. <c>run-job</c> from the command line is outside the scheduler; the ledger's unique index of one
/// expiry per lot guards against it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PointExpiryJob(PointExpiryService expiry, ILogger<PointExpiryJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var run = await expiry.RunAsync(JobTriggers.Classify(context), JobTriggers.StaffOf(context), cancellationToken);
        JobTriggers.Log(log, run);
    }
}

/// <summary>配達完了, daily: shipped parts whose delivery date has come are delivered on it.</summary>
public sealed class DeliveryJob(DeliveryJobService delivery, ILogger<DeliveryJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var run = await delivery.RunAsync(JobTriggers.Classify(context), JobTriggers.StaffOf(context), cancellationToken);
        JobTriggers.Log(log, run);
    }
}

internal static class JobTriggers
{
    /// <summary>Set on a supervisor's "run now".</summary>
    public const string StaffKey = "staff";

    /// <summary>Later than this after its scheduled time, a fire is the catch-up of a missed one.</summary>
    private static readonly TimeSpan Late = TimeSpan.FromMinutes(1);

    public static string? StaffOf(IJobExecutionContext context) =>
        context.MergedJobDataMap.TryGetValue(StaffKey, out var staff) ? staff as string : null;

    public static JobRunTrigger Classify(IJobExecutionContext context) =>
        StaffOf(context) is not null ? JobRunTrigger.Manual
        : context.FireTimeUtc - context.ScheduledFireTimeUtc > Late ? JobRunTrigger.Misfire
        : JobRunTrigger.Schedule;

    public static void Log(ILogger log, JobRun run)
    {
        var level = run.Outcome == JobRunOutcome.Failed ? LogLevel.Error : LogLevel.Information;
        log.Log(level, "Job {Job} ({Trigger}) for {BusinessKey}: {Outcome}, {Batches} batches, {Items} items. {Detail}",
            run.JobName, run.Trigger, run.BusinessKey, run.Outcome, run.Batches, run.Items, run.Detail);
    }
}
