using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Diagnostics;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;

namespace SmartOffice.Domain.Jobs;

/// <summary>
/// The point-expiry job: triggers <see cref="PointExpiry"/> (where expiry is written, once) after each month end and
/// records the run — due lots, points, the month-ends — as a <see cref="JobRun"/>. Of two runs at once, the second meets
/// the first's entries and records that it had nothing to do.
/// </summary>
public sealed class PointExpiryService(IDbContextFactory<SmartOfficeDbContext> contexts, BusinessClock clock, IOptions<JobsOptions> options,
    ConsoleMetrics? metrics = null)
{
    public const string JobName = "point-expiry";

    public async Task<JobRun> RunAsync(JobRunTrigger trigger, string? staffId = null, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var run = new JobRun
        {
            JobName = JobName, BusinessKey = today.ToString("yyyy-MM"), Trigger = trigger, StartedAt = clock.Now, StaffId = staffId,
        };
        try
        {
            var due = await PointExpiry.RunAsync(contexts, today, clock.Now, options.Value.PointExpiryCacheMiB, cancellationToken);
            run.Batches = due.Sum(d => d.Lots);
            run.Items = due.Sum(d => d.Points);
            run.Outcome = run.Batches > 0 ? JobRunOutcome.Completed : JobRunOutcome.NothingToDo;
            run.Detail = due.Count > 0 ? string.Join(", ", due.Select(d => d.ValidThrough.ToString("yyyy-MM-dd"))) : null;
        }
        catch (Exception e) when (UniqueViolation.Is(e))
        {
            // Another run (run-now, run-job, a catch-up on another instance) expired these lots at the same time; its entries
            // stand and this run's transaction wrote nothing.
            (run.Outcome, run.Batches, run.Items) = (JobRunOutcome.NothingToDo, 0, 0);
            run.Detail = DomainText.ForData("Jobs.ExpiredByAnotherRun");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.Outcome = JobRunOutcome.Failed;
            run.Detail = e.Message.Length <= 1000 ? e.Message : e.Message[..1000];
        }
        run.FinishedAt = clock.Now;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        metrics?.JobRan(JobName, run.Outcome.ToString(), run.FinishedAt - run.StartedAt);
        return run;
    }
}
