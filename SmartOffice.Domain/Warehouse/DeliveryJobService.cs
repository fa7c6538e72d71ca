using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Diagnostics;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Warehouse;

/// <summary>
/// 配達完了 (docs/warehouse-files.md, "Delivery"): every shipped part whose delivery date has come is delivered on that
/// date — not on the day the job runs, so a missed run caught up later, or two runs, give the same result as one. One
/// transaction marks the parts, re-counts their lines' delivered quantities from the parts and marks the shipments whose
/// every line is delivered in full.
/// </summary>
public sealed class DeliveryJobService(IDbContextFactory<SmartOfficeDbContext> contexts, BusinessClock clock,
    ConsoleMetrics? metrics = null)
{
    public const string JobName = "delivery";
    private const int Chunk = 500;

    public async Task<JobRun> RunAsync(JobRunTrigger trigger, string? staffId = null, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var run = new JobRun { JobName = JobName, BusinessKey = today.ToString("yyyy-MM-dd"), Trigger = trigger, StartedAt = clock.Now,
            StaffId = staffId };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.ShipmentResults.Where(r => r.DeliveredOn == null && r.DeliveryDate != null && r.DeliveryDate <= today)
                .Select(r => new { r.Id, r.OrderLineId, r.ShipmentId }).ToListAsync(cancellationToken);
            foreach (var ids in due.Select(r => r.Id).Chunk(Chunk))
                await db.ShipmentResults.Where(r => ids.Contains(r.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.DeliveredOn, r => r.DeliveryDate), cancellationToken);
            run.Batches = await RecountAsync(db, due.Select(r => r.OrderLineId), due.Select(r => r.ShipmentId), cancellationToken);
            run.Items = due.Count;
            run.Outcome = due.Count > 0 ? JobRunOutcome.Completed : JobRunOutcome.NothingToDo;
            // The run is recorded with the deliveries it made, in one commit: never delivered orders without their run.
            await RecordAsync(db, run, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            run.Id = 0; // a failed commit may have given the rolled-back row its key
            run.Outcome = JobRunOutcome.Failed;
            run.Detail = e.Message.Length <= 1000 ? e.Message : e.Message[..1000];
            await RecordAsync(db, run, cancellationToken);
        }
        metrics?.JobRan(run.JobName, run.Outcome.ToString(), run.FinishedAt - run.StartedAt);
        return run;
    }

    private async Task RecordAsync(SmartOfficeDbContext db, JobRun run, CancellationToken cancellationToken)
    {
        run.FinishedAt = clock.Now;
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The lines' delivered quantities as their delivered parts add up, and the shipments' status as their lines now stand
    /// (出荷済 ⇄ 配達済); returns how many shipments became delivered.
    /// </summary>
    internal static async Task<int> RecountAsync(SmartOfficeDbContext db, IEnumerable<int> lineIds, IEnumerable<int> shipmentIds,
        CancellationToken cancellationToken)
    {
        foreach (var ids in lineIds.Distinct().Chunk(Chunk))
            await db.OrderLines.Where(l => ids.Contains(l.Id)).ExecuteUpdateAsync(s => s.SetProperty(l => l.DeliveredQuantity,
                l => db.ShipmentResults.Where(r => r.OrderLineId == l.Id && r.DeliveredOn != null).Sum(r => (int?)r.Quantity) ?? 0),
                    cancellationToken);
        var delivered = 0;
        foreach (var ids in shipmentIds.Distinct().Chunk(Chunk))
        {
            delivered += await db.Shipments.Where(s => ids.Contains(s.Id) && s.Status == ShipmentStatus.Shipped
                                                       && db.OrderLines.Where(l => l.ShipmentId == s.Id)
                                                           .All(l => l.DeliveredQuantity >= l.Quantity))
                .ExecuteUpdateAsync(s =>
                    s.SetProperty(x => x.Status, ShipmentStatus.Delivered).SetProperty(x => x.Version, x => x.Version + 1),
                    cancellationToken);
            await db.Shipments.Where(s => ids.Contains(s.Id) && s.Status == ShipmentStatus.Delivered
                                          && db.OrderLines.Where(l => l.ShipmentId == s.Id).Any(l => l.DeliveredQuantity < l.Quantity))
                .ExecuteUpdateAsync(s =>
                    s.SetProperty(x => x.Status, ShipmentStatus.Shipped).SetProperty(x => x.Version, x => x.Version + 1),
                    cancellationToken);
        }
        return delivered;
    }
}
