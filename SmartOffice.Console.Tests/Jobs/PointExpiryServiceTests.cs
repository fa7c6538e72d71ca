using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Points;

namespace SmartOffice.Console.Tests.Jobs;

public sealed class PointExpiryServiceTests
{
    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    /// <summary>Three lots: valid through September (50 left), October (20 of 30 left), November (not due in November).</summary>
    private static async Task<TestDatabase> WithLotsAsync()
    {
        var database = await new TestDatabase(TestDatabase.JapanTime(2026, 10, 1, 0, 10)).InitializeAsync();
        var department = await database.AddCustomerAsync("D1", "100001");
        await using var db = database.CreateDbContext();
        var account = new PointAccount { Kind = PointAccountKind.Department, DepartmentId = department.Id };
        db.PointAccounts.Add(account);
        await db.SaveChangesAsync();
        foreach (var (validThrough, points, remaining) in new[] { (Day(2026, 9, 30), 50, 50), (Day(2026, 10, 31), 30, 20),
            (Day(2026, 11, 30), 40, 40) })
            db.PointLots.Add(new PointLot { PointAccountId = account.Id, Points = points, Remaining = remaining,
                EarnedOn = validThrough.AddYears(-1), ValidThrough = validThrough });
        await db.SaveChangesAsync();
        return database;
    }

    private static async Task<List<(int Lot, PointEntryKind Kind, int Points, DateOnly Date)>> LedgerAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (await db.PointLedger.OrderBy(e => e.PointLotId).ToListAsync()).Select(e => (e.PointLotId, e.Kind, e.Points, e.BusinessDate))
            .ToList();
    }

    private static PointExpiryService Service(TestDatabase database) =>
        new(database, database.BusinessClock, Options.Create(new JobsOptions()));

    [Fact]
    public async Task Expires_what_is_due_and_a_second_run_finds_nothing()
    {
        await using var database = await WithLotsAsync();
        database.Clock.SetUtcNow(TestDatabase.JapanTime(2026, 11, 1, 0, 10));

        var first = await Service(database).RunAsync(JobRunTrigger.Schedule);
        var second = await Service(database).RunAsync(JobRunTrigger.Manual);

        Assert.Equal((JobRunOutcome.Completed, 2, 70), (first.Outcome, first.Batches, first.Items));
        Assert.Equal((JobRunOutcome.NothingToDo, 0, 0), (second.Outcome, second.Batches, second.Items));
        var ledger = await LedgerAsync(database);
        Assert.Equal([(PointEntryKind.Expire, -50, Day(2026, 10, 1)), (PointEntryKind.Expire, -20, Day(2026, 11, 1))],
            ledger.Select(e => (e.Kind, e.Points, e.Date)));
        await using var db = database.CreateDbContext();
        Assert.Equal([0, 0, 40], await db.PointLots.OrderBy(l => l.ValidThrough).Select(l => l.Remaining).ToListAsync());
    }

    [Fact]
    public async Task A_missed_month_caught_up_later_writes_the_same_ledger_as_the_monthly_runs()
    {
        await using var monthly = await WithLotsAsync();
        await using var caughtUp = await WithLotsAsync();

        foreach (var month in new[] { 10, 11, 12 })
        {
            monthly.Clock.SetUtcNow(TestDatabase.JapanTime(2026, month, 1, 0, 10));
            await Service(monthly).RunAsync(JobRunTrigger.Schedule);
        }
        caughtUp.Clock.SetUtcNow(TestDatabase.JapanTime(2026, 12, 3, 9, 0));
        await Service(caughtUp).RunAsync(JobRunTrigger.Misfire);

        Assert.Equal(await LedgerAsync(monthly), await LedgerAsync(caughtUp));
        Assert.Equal(3, (await LedgerAsync(caughtUp)).Count);
    }

    [Fact]
    public async Task A_lot_spent_to_zero_is_not_expired()
    {
        await using var database = await WithLotsAsync();
        await using (var db = database.CreateDbContext())
        {
            await db.PointLots.Where(l => l.ValidThrough == Day(2026, 9, 30)).ExecuteUpdateAsync(s => s.SetProperty(l => l.Remaining, 0));
        }

        var run = await Service(database).RunAsync(JobRunTrigger.Schedule);

        Assert.Equal(JobRunOutcome.NothingToDo, run.Outcome);
        Assert.Empty(await LedgerAsync(database));
    }
}
