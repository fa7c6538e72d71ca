using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Diagnostics;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Jobs;

/// <summary>
/// 締め処理: closes every batch of one cutoff that is due and not yet closed — today's, and after downtime each missed
/// acceptance day of the catch-up window, each exactly once — and writes its shipping instruction (出荷指示).
/// Idempotent by (cutoff, acceptance day) through a unique index, so a misfire, a second node or a manual re-run changes
/// nothing. A run killed after closing but before the file leaves the batch without a file; the next run writes it.
/// </summary>
public sealed class CutoffBatchService(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    CutoffSchedule schedule,
    ShippingInstructionWriter writer,
    BusinessCalendarCache calendars,
    BusinessClock clock,
    IOptions<RulesOptions> rules,
    IOptions<JobsOptions> jobs,
    ConsoleMetrics? metrics = null)
{
    public async Task<JobRun> RunAsync(string jobName, JobRunTrigger trigger, string? staffId = null,
        CancellationToken cancellationToken = default)
    {
        var definition = await schedule.FindAsync(jobName, cancellationToken)
                         ?? throw new ArgumentException($"No cutoff job '{jobName}'.", nameof(jobName));
        var run = new JobRun { JobName = jobName, BusinessKey = clock.Today.ToString("yyyy-MM-dd"), Trigger = trigger,
            StartedAt = clock.Now, StaffId = staffId };
        try
        {
            var due = await DueDaysAsync(definition, cancellationToken);
            var closed = new List<DateOnly>();
            foreach (var day in due)
            {
                if (await CloseAsync(definition, day, cancellationToken) is { } batch)
                {
                    closed.Add(day);
                    run.Items += batch.ShipmentCount;
                }
            }
            var written = await WritePendingInstructionsAsync(definition, cancellationToken);
            run.Batches = closed.Count;
            run.Outcome = due.Count == 0 && !await IsAcceptanceDayAsync(clock.Today, cancellationToken) ? JobRunOutcome.Skipped
                : closed.Count == 0 && written == 0 ? JobRunOutcome.NothingToDo
                : JobRunOutcome.Completed;
            run.Detail = closed.Count > 0 ? string.Join(", ", closed.Select(d => d.ToString("yyyy-MM-dd")))
                : written > 0 ? $"instructions resumed: {written}" : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.Outcome = JobRunOutcome.Failed;
            run.Detail = Truncate(e.Message);
        }
        return await RecordAsync(run, cancellationToken);
    }

    private async Task<JobRun> RecordAsync(JobRun run, CancellationToken cancellationToken)
    {
        run.FinishedAt = clock.Now;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        metrics?.JobRan(run.JobName, run.Outcome.ToString(), run.FinishedAt - run.StartedAt);
        return run;
    }

    /// <summary>Acceptance days in the catch-up window whose batch should have closed by now and has no batch yet.</summary>
    private async Task<IReadOnlyList<DateOnly>> DueDaysAsync(CutoffDefinition definition, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var from = today.AddDays(-jobs.Value.CatchUpDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var closed = (await db.CutoffBatches.Where(b => b.BatchKey == definition.JobName && b.AcceptanceDay >= from)
            .Select(b => b.AcceptanceDay).ToListAsync(cancellationToken)).ToHashSet();
        var delivery = new DeliveryRules(await calendars.GetAsync(cancellationToken), rules.Value);
        var due = new List<DateOnly>();
        for (var day = from; day <= today; day = day.AddDays(1))
        {
            if (delivery.IsAcceptanceDay(day) && !closed.Contains(day) && clock.At(day, definition.Cutoff)
                + definition.ClosesAfter <= clock.Now)
                due.Add(day);
        }
        return due;
    }

    private async Task<bool> IsAcceptanceDayAsync(DateOnly day, CancellationToken cancellationToken) =>
        new DeliveryRules(await calendars.GetAsync(cancellationToken), rules.Value).IsAcceptanceDay(day);

    /// <summary>
    /// One transaction: the batch row first (its unique index makes a concurrent second run wait and then fail), then its
    /// shipments — the day's and any keyed after an earlier batch of this cutoff had closed. Null when another run was first.
    /// </summary>
    private async Task<CutoffBatch?> CloseAsync(CutoffDefinition definition, DateOnly day, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = new CutoffBatch { BatchKey = definition.JobName, Kind = definition.Kind, RegionId = definition.RegionId,
            AcceptanceDay = day, ClosedAt = clock.Now };
        db.CutoffBatches.Add(batch);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return null;
        }
        batch.ShipmentCount = await Open(db, definition, day).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, ShipmentStatus.Instructed)
            .SetProperty(x => x.CutoffBatchId, batch.Id)
            .SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        batch.LineCount = await db.OrderLines.CountAsync(l => l.Shipment!.CutoffBatchId == batch.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch;
    }

    /// <summary>The open shipments a batch of this cutoff takes, up to and including its acceptance day.</summary>
    private static IQueryable<Shipment> Open(SmartOfficeDbContext db, CutoffDefinition definition, DateOnly day)
    {
        var open = db.Shipments.Where(s => s.Status == ShipmentStatus.Open && s.AcceptanceDay <= day);
        if (definition.Kind == CutoffKind.Furniture)
            return open.Where(s => s.DeliveryClass == DeliveryClass.Furniture);
        var channel = definition.Kind == CutoffKind.Fax ? OrderChannel.Fax : OrderChannel.Web;
        return open.Where(s => s.DeliveryClass != DeliveryClass.Furniture && s.Order!.Channel == channel
                               && db.Customers.Any(c => c.Id == s.Order.CustomerId && c.RegionId == definition.RegionId));
    }

    private async Task<int> WritePendingInstructionsAsync(CutoffDefinition definition, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.CutoffBatches.Where(b => b.BatchKey == definition.JobName && b.InstructionWrittenAt == null)
            .OrderBy(b => b.AcceptanceDay).ToListAsync(cancellationToken);
        foreach (var batch in pending)
        {
            batch.InstructionFile = await writer.WriteAsync(db, batch, cancellationToken);
            batch.InstructionWrittenAt = clock.Now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return pending.Count;
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
