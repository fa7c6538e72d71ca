using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Diagnostics;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;

namespace SmartOffice.Domain.Jobs;

/// <summary>
/// ポイント失効: after each month end, every lot whose validity has ended gives up what remains, as one expiry entry per lot.
/// Set-based and never loading lots: one grouped count, one INSERT…SELECT and one UPDATE for every due month-end at once, in
/// one transaction, each entry dated the day after its lot's last valid day — so a missed run caught up later writes exactly
/// the ledger the monthly runs would have written, a run killed half-way leaves nothing, and a second run finds nothing left.
/// The due lots are found through the partial index on <c>ValidThrough</c> where <c>Remaining &gt; 0</c>, which shrinks as
/// lots expire; on SQLite the run's connection gets a larger page cache (<see cref="JobsOptions.PointExpiryCacheMiB"/>).
/// A lot's expiry entry is unique in the database: of two runs at once, the second meets the first's entries and writes nothing.
/// </summary>
public sealed class PointExpiryService(IDbContextFactory<SmartOfficeDbContext> contexts, BusinessClock clock, IOptions<JobsOptions> options,
    ConsoleMetrics? metrics = null)
{
    public const string JobName = "point-expiry";

    public async Task<JobRun> RunAsync(JobRunTrigger trigger, string? staffId = null, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var run = new JobRun { JobName = JobName, BusinessKey = today.ToString("yyyy-MM"), Trigger = trigger, StartedAt = clock.Now, StaffId = staffId };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await using var connection = await LargeCacheAsync(db, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.PointLots.Where(l => l.Remaining > 0 && l.ValidThrough < today)
                .GroupBy(l => l.ValidThrough)
                .Select(g => new { ValidThrough = g.Key, Lots = g.Count(), Points = g.Sum(l => l.Remaining) })
                .OrderBy(g => g.ValidThrough).ToListAsync(cancellationToken);
            if (due.Count > 0)
            {
                await ExpireAsync(db, today, due.Select(d => d.ValidThrough).ToList(), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
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
            db.ChangeTracker.Clear();
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
        metrics?.JobRan(JobName, run.Outcome.ToString(), run.FinishedAt - run.StartedAt);
        return run;
    }

    /// <summary>
    /// One entry per due lot, in lot order (the ledger's lot index is appended to, not scattered), dated by a CASE over the
    /// due month-ends (portable, where date arithmetic is not); then every due lot zeroed in one UPDATE.
    /// </summary>
    private async Task ExpireAsync(SmartOfficeDbContext db, DateOnly today, IReadOnlyList<DateOnly> monthEnds, CancellationToken cancellationToken)
    {
        var lot = Table<PointLot>(db);
        var entry = Table<PointLedgerEntry>(db);
        var validThrough = lot[nameof(PointLot.ValidThrough)];
        var remaining = lot[nameof(PointLot.Remaining)];
        object[] parameters = [nameof(PointEntryKind.Expire), clock.Now.UtcDateTime, today, .. monthEnds.SelectMany(d => new object[] { d, d.AddDays(1) })];
        var businessDate = "CASE " + validThrough + string.Concat(monthEnds.Select((_, i) => $" WHEN {{{3 + 2 * i}}} THEN {{{4 + 2 * i}}}")) + " END";
        // Names from the model and numbered placeholders only: every value goes as a parameter.
        var insert = $$"""
             INSERT INTO {{entry.Table}} ({{entry[nameof(PointLedgerEntry.PointAccountId)]}}, {{entry[nameof(PointLedgerEntry.PointLotId)]}},
                 {{entry[nameof(PointLedgerEntry.Kind)]}}, {{entry[nameof(PointLedgerEntry.Points)]}}, {{entry[nameof(PointLedgerEntry.BusinessDate)]}},
                 {{entry[nameof(PointLedgerEntry.RecordedAt)]}})
             SELECT {{lot[nameof(PointLot.PointAccountId)]}}, {{lot[nameof(PointLot.Id)]}}, {0}, -{{remaining}}, {{businessDate}}, {1}
             FROM {{lot.Table}}
             WHERE {{validThrough}} < {2} AND {{remaining}} > 0
             ORDER BY {{lot[nameof(PointLot.Id)]}}
             """;
        await db.Database.ExecuteSqlRawAsync(insert, parameters, cancellationToken);
        await db.PointLots.Where(l => l.ValidThrough < today && l.Remaining > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Remaining, 0), cancellationToken);
    }

    /// <summary>
    /// SQLite: holds the run's connection open with a page cache large enough for the lots' and the ledger's indexes (the
    /// pragma lasts as long as the pooled connection); disposing it puts the usual cache size back and frees the rest.
    /// Nothing to do on SQL Server.
    /// </summary>
    private async Task<IAsyncDisposable> LargeCacheAsync(SmartOfficeDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (!db.Database.IsSqlite())
            return new RestoreCache(db, null);
        await using var read = db.Database.GetDbConnection().CreateCommand();
        read.CommandText = "PRAGMA cache_size";
        var usual = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var large = FormattableString.Invariant($"PRAGMA cache_size = -{options.Value.PointExpiryCacheMiB * 1024};");
        await db.Database.ExecuteSqlRawAsync(large, cancellationToken);
        return new RestoreCache(db, usual);
    }

    private sealed class RestoreCache(SmartOfficeDbContext db, long? usual) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (usual is { } size)
                await db.Database.ExecuteSqlRawAsync(FormattableString.Invariant($"PRAGMA cache_size = {size}; PRAGMA shrink_memory;"));
            await db.Database.CloseConnectionAsync();
        }
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
