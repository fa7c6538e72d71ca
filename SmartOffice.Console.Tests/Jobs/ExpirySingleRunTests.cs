using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using SmartOffice.Console.Jobs;
using SmartOffice.Console.Tests.Points;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;

namespace SmartOffice.Console.Tests.Jobs;

/// <summary>
/// ポイント失効 runs once per lot, whoever starts it: run-now on the jobs page, <c>run-job</c> from an operator's script and the
/// catch-up after an outage may overlap. Quartz never runs the expiry job twice at once, and the database holds one expiry
/// entry per lot (a filtered unique index, on both providers): under SQL Server's READ COMMITTED two runs could otherwise
/// both read a lot as due and both insert its expiry. Dates are from the test's fake clock; the scheduler test runs the app.
/// </summary>
public sealed class ExpirySingleRunTests : IAsyncLifetime
{
    private const int Lots = 300;
    private readonly TestDatabase _database = new(TestDatabase.JapanTime(2026, 11, 1, 0, 10));

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await AddDueLotsAsync(_database, Lots);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void The_SQL_Server_script_creates_one_unique_expiry_entry_per_lot()
    {
        using var db = new SqlServerSmartOfficeDbContext(new DbContextOptionsBuilder<SqlServerSmartOfficeDbContext>()
            .UseSqlServer("Server=localhost;Database=SmartOffice;Trusted_Connection=True;TrustServerCertificate=True").Options);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // Idempotent scripts run a filtered index through EXEC (quotes doubled).
        Assert.Contains("CREATE UNIQUE INDEX [IX_PointLedger_ExpiredOnce] ON [PointLedger] ([PointLotId]) WHERE Kind = ''Expire''", script);
        var index = Assert.Single(db.Model.FindEntityType(typeof(PointLedgerEntry))!.GetIndexes(),
            i => i.GetDatabaseName() == "IX_PointLedger_ExpiredOnce");
        Assert.True(index.IsUnique);
    }

    [Fact]
    public async Task The_SQLite_database_refuses_a_second_expiry_entry_for_a_lot()
    {
        var first = await ServiceOn(_database).RunAsync(JobRunTrigger.Schedule);
        Assert.Equal((JobRunOutcome.Completed, Lots), (first.Outcome, first.Batches));

        await using var db = _database.CreateDbContext();
        var entry = await db.PointLedger.AsNoTracking().FirstAsync(e => e.Kind == PointEntryKind.Expire);
        db.PointLedger.Add(new PointLedgerEntry
        {
            PointAccountId = entry.PointAccountId, PointLotId = entry.PointLotId, Kind = PointEntryKind.Expire, Points = -1,
            BusinessDate = entry.BusinessDate, RecordedAt = entry.RecordedAt,
        });
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(UniqueViolation.Is(refused), refused.InnerException?.Message);
        // Other movements of an expired lot stay allowed (the index holds expiries only).
        db.ChangeTracker.Clear();
        db.PointLedger.Add(new PointLedgerEntry
        {
            PointAccountId = entry.PointAccountId, PointLotId = entry.PointLotId, Kind = PointEntryKind.Adjustment, Points = 0,
            BusinessDate = entry.BusinessDate, RecordedAt = entry.RecordedAt, Reason = "確認",
        });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The interleaving SQL Server allows, replayed on SQLite: the second run reads the lots as still due (the first run's
    /// UPDATE not yet visible to it) while the first run's expiry entries are there. Its INSERT meets the index: it writes
    /// nothing and says another run did the work.
    /// </summary>
    [Fact]
    public async Task A_run_that_reads_lots_another_run_is_expiring_writes_nothing_and_says_so()
    {
        var first = await ServiceOn(_database).RunAsync(JobRunTrigger.Schedule);
        var ledger = await LedgerAsync();
        await using (var db = _database.CreateDbContext())
            await db.PointLots.ExecuteUpdateAsync(s => s.SetProperty(l => l.Remaining, l => l.Points));

        var second = await ServiceOn(_database).RunAsync(JobRunTrigger.Manual);

        Assert.Equal(JobRunOutcome.Completed, first.Outcome);
        Assert.Equal((JobRunOutcome.NothingToDo, 0, 0), (second.Outcome, second.Batches, second.Items));
        Assert.Contains("別の実行", second.Detail);
        Assert.Equal(ledger, await LedgerAsync());
        Assert.Equal(Lots, ledger.Count);
    }

    /// <summary>
    /// Two runs at once on SQLite: the first is held inside its transaction, its expiry entries inserted and not yet
    /// committed, while the second starts. The second waits for the write lock, then finds nothing due.
    /// </summary>
    [Fact]
    public async Task Two_runs_at_once_expire_each_lot_once()
    {
        var inserted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondBegins = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = ServiceOn(new Intercepted(_database, new HoldAfterInsert(inserted, release.Task)));
        var second = ServiceOn(new Intercepted(_database, new SignalBegin(secondBegins)));

        var firstRun = Task.Run(() => first.RunAsync(JobRunTrigger.Schedule));
        await inserted.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var secondRun = Task.Run(() => second.RunAsync(JobRunTrigger.Manual));
        await secondBegins.Task.WaitAsync(TimeSpan.FromMinutes(1));
        release.SetResult();
        var runs = await Task.WhenAll(firstRun, secondRun);

        Assert.Equal((JobRunOutcome.Completed, Lots), (runs[0].Outcome, runs[0].Batches));
        Assert.Equal((JobRunOutcome.NothingToDo, 0), (runs[1].Outcome, runs[1].Batches));
        var ledger = await LedgerAsync();
        Assert.Equal(Lots, ledger.Count);
        Assert.Equal(Lots, ledger.Select(e => e.Lot).Distinct().Count());
    }

    /// <summary>
    /// The scheduler in the app: run-now pressed twice (and a catch-up could be a third) never runs the expiry job twice at
    /// once — the second run starts after the first has finished.
    /// </summary>
    [Fact]
    public async Task The_scheduler_runs_the_expiry_job_once_at_a_time()
    {
        await using var data = await new TestDatabase(TestClock.Run.GetUtcNow()).InitializeAsync();
        await AddDueLotsAsync(data, 3000);
        SqliteConnection.ClearAllPools();

        await using var app = new SchedulingApp(data.File, firing: true);
        var scheduler = await app.Services.GetRequiredService<JobScheduler>().Scheduler.WaitAsync(TimeSpan.FromSeconds(60));
        var key = new JobKey(PointExpiryService.JobName, JobScheduler.PointsGroup);
        await scheduler.TriggerJob(key, new JobDataMap { ["staff"] = "super" });
        await scheduler.TriggerJob(key, new JobDataMap { ["staff"] = "super" });

        var contexts = app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        List<JobRun> runs;
        do
        {
            await Task.Delay(100);
            await using var db = await contexts.CreateDbContextAsync();
            runs = await db.JobRuns.Where(r => r.JobName == PointExpiryService.JobName).OrderBy(r => r.StartedAt).ToListAsync();
        }
        while (runs.Count < 2 && DateTime.UtcNow < deadline);

        Assert.Equal(2, runs.Count);
        Assert.True(runs[1].StartedAt >= runs[0].FinishedAt,
            $"the runs overlapped: {runs[0].StartedAt:HH:mm:ss.fff}–{runs[0].FinishedAt:HH:mm:ss.fff} " +
                $"and {runs[1].StartedAt:HH:mm:ss.fff}–{runs[1].FinishedAt:HH:mm:ss.fff}");
        Assert.Equal([JobRunOutcome.Completed, JobRunOutcome.NothingToDo], runs.Select(r => r.Outcome));
    }

    /// <summary>Lots valid through the end of last month (by the database's clock): all due.</summary>
    private static async Task AddDueLotsAsync(TestDatabase database, int count)
    {
        var department = await database.AddCustomerAsync("D1", "10000001");
        var account = await database.AddAccountAsync(department);
        var today = database.BusinessClock.Today;
        var validThrough = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        await using var db = database.CreateDbContext();
        db.PointLots.AddRange(Enumerable.Range(0, count).Select(i => new PointLot
        {
            PointAccountId = account.Id, Points = 10 + i % 7, Remaining = 10 + i % 7, EarnedOn = validThrough.AddYears(-1),
                ValidThrough = validThrough,
        }));
        await db.SaveChangesAsync();
    }

    private async Task<List<(int Lot, PointEntryKind Kind, int Points, DateOnly Date)>> LedgerAsync()
    {
        await using var db = _database.CreateDbContext();
        return (await db.PointLedger.OrderBy(e => e.PointLotId).ThenBy(e => e.Id).ToListAsync())
            .Select(e => (e.PointLotId, e.Kind, e.Points, e.BusinessDate)).ToList();
    }

    private PointExpiryService ServiceOn(IDbContextFactory<SmartOfficeDbContext> contexts) =>
        new(contexts, _database.BusinessClock, Options.Create(new JobsOptions()));

    /// <summary>The test database with one more interceptor: one run's connection, watched.</summary>
    private sealed class Intercepted(TestDatabase database, IInterceptor interceptor) : IDbContextFactory<SmartOfficeDbContext>
    {
        public SmartOfficeDbContext CreateDbContext() =>
            new SqliteSmartOfficeDbContext(new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>()
            .UseSqlite(database.ConnectionString).AddInterceptors(interceptor).Options);
    }

    /// <summary>Holds the run right after its expiry INSERT has executed, inside its transaction.</summary>
    private sealed class HoldAfterInsert(TaskCompletionSource inserted, Task release) : DbCommandInterceptor
    {
        public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"PointLedger\"", StringComparison.Ordinal))
            {
                inserted.TrySetResult();
                await release;
            }
            return result;
        }
    }

    /// <summary>Says when the run is about to begin its transaction.</summary>
    private sealed class SignalBegin(TaskCompletionSource begins) : DbTransactionInterceptor
    {
        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            begins.TrySetResult();
            return ValueTask.FromResult(result);
        }
    }
}
