using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;

namespace SmartOffice.Domain.Jobs;

/// <summary>
/// ポイント失効: after each month end, every lot whose validity has ended gives up what remains, as one expiry entry per lot.
/// Set-based (one INSERT…SELECT and one UPDATE per month-end, in one transaction each), so it never loads lots. Months are
/// expired one by one with the entry dated the day after the lot's last valid day: a missed run caught up later writes
/// exactly the ledger that the monthly runs would have written, and a second run finds nothing left.
/// </summary>
public sealed class PointExpiryService(IDbContextFactory<SmartOfficeDbContext> contexts, BusinessClock clock)
{
    public const string JobName = "point-expiry";

    public async Task<JobRun> RunAsync(JobRunTrigger trigger, string? staffId = null, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var run = new JobRun { JobName = JobName, BusinessKey = today.ToString("yyyy-MM"), Trigger = trigger, StartedAt = clock.Now, StaffId = staffId };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            var monthEnds = await db.PointLots.Where(l => l.Remaining > 0 && l.ValidThrough < today)
                .Select(l => l.ValidThrough).Distinct().OrderBy(d => d).ToListAsync(cancellationToken);
            foreach (var validThrough in monthEnds)
            {
                var (lots, points) = await ExpireAsync(db, validThrough, cancellationToken);
                run.Batches += lots;
                run.Items += points;
            }
            run.Outcome = run.Batches > 0 ? JobRunOutcome.Completed : JobRunOutcome.NothingToDo;
            run.Detail = monthEnds.Count > 0 ? string.Join(", ", monthEnds.Select(d => d.ToString("yyyy-MM-dd"))) : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.Outcome = JobRunOutcome.Failed;
            run.Detail = e.Message.Length <= 1000 ? e.Message : e.Message[..1000];
            db.ChangeTracker.Clear();
        }
        run.FinishedAt = clock.Now;
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>Expires the lots valid through <paramref name="validThrough"/>; returns (lots, points).</summary>
    private async Task<(int Lots, int Points)> ExpireAsync(SmartOfficeDbContext db, DateOnly validThrough, CancellationToken cancellationToken)
    {
        var lot = Table<PointLot>(db);
        var entry = Table<PointLedgerEntry>(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var points = await db.PointLots.Where(l => l.ValidThrough == validThrough && l.Remaining > 0).SumAsync(l => l.Remaining, cancellationToken);
        var lots = await db.Database.ExecuteSqlRawAsync(
            $$"""
             INSERT INTO {{entry.Table}} ({{entry[nameof(PointLedgerEntry.PointAccountId)]}}, {{entry[nameof(PointLedgerEntry.PointLotId)]}},
                 {{entry[nameof(PointLedgerEntry.Kind)]}}, {{entry[nameof(PointLedgerEntry.Points)]}}, {{entry[nameof(PointLedgerEntry.BusinessDate)]}},
                 {{entry[nameof(PointLedgerEntry.RecordedAt)]}})
             SELECT {{lot[nameof(PointLot.PointAccountId)]}}, {{lot[nameof(PointLot.Id)]}}, {0}, -{{lot[nameof(PointLot.Remaining)]}}, {1}, {2}
             FROM {{lot.Table}}
             WHERE {{lot[nameof(PointLot.ValidThrough)]}} = {3} AND {{lot[nameof(PointLot.Remaining)]}} > 0
             """,
            [nameof(PointEntryKind.Expire), validThrough.AddDays(1), clock.Now.UtcDateTime, validThrough], cancellationToken);
        await db.PointLots.Where(l => l.ValidThrough == validThrough && l.Remaining > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Remaining, 0), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (lots, points);
    }

    /// <summary>The entity's quoted table and column names, from the model, so the raw SQL follows the mapping on both providers.</summary>
    private static TableNames Table<T>(SmartOfficeDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        return new TableNames(sql.DelimitIdentifier(table.Name, table.Schema),
            entity.GetProperties().ToDictionary(p => p.Name, p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
    }

    private sealed record TableNames(string Table, IReadOnlyDictionary<string, string> Columns)
    {
        public string this[string property] => Columns[property];
    }
}
