using Quartz;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Warehouse;

namespace SmartOffice.Console.Jobs;

/// <summary>The supervisor's side of the scheduler: every job with its trigger, pause/resume and "run now".</summary>
public sealed class JobControl(JobScheduler jobs, CutoffSchedule schedule, ICurrentStaff staff)
{
    public bool IsFiring => jobs.IsFiring;

    public async Task<IReadOnlyList<ScheduledJob>> ListAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        var scheduler = await jobs.Scheduler;
        var cutoffs = await schedule.ListAsync(cancellationToken);
        var keys = cutoffs.Select(c => new JobKey(c.JobName, JobScheduler.CutoffGroup))
            .Append(new JobKey(PointExpiryService.JobName, JobScheduler.PointsGroup))
            .Append(new JobKey(DeliveryJobService.JobName, JobScheduler.PointsGroup));
        var list = new List<ScheduledJob>();
        foreach (var key in keys)
        {
            var triggerKey = new TriggerKey(key.Name, key.Group);
            if (await scheduler.GetTrigger(triggerKey, cancellationToken) is not ICronTrigger trigger)
                continue;
            var paused = await scheduler.GetTriggerState(triggerKey, cancellationToken) == TriggerState.Paused;
            list.Add(new ScheduledJob(key.Name, key.Group, cutoffs.FirstOrDefault(c => c.JobName == key.Name),
                trigger.CronExpressionString ?? "",
                trigger.NextFireTimeUtc, trigger.PreviousFireTimeUtc, paused));
        }
        return list;
    }

    public async Task PauseAsync(ScheduledJob job, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        await (await jobs.Scheduler).PauseJob(new JobKey(job.Name, job.Group), cancellationToken);
    }

    public async Task ResumeAsync(ScheduledJob job, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        await (await jobs.Scheduler).ResumeJob(new JobKey(job.Name, job.Group), cancellationToken);
    }

    /// <summary>Fires the job now; the run is recorded as manual and stays idempotent like any other.</summary>
    public async Task RunNowAsync(ScheduledJob job, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        var data = new JobDataMap { [JobTriggers.StaffKey] = staff.Id };
        await (await jobs.Scheduler).TriggerJob(new JobKey(job.Name, job.Group), data, cancellationToken);
    }
}
