using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SmartOffice.Console.Jobs;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Jobs;

/// <summary>The real app's Quartz scheduler with its job store in the app's SQLite file, on the app's clock (<see
/// cref="TestClock"/>).</summary>
public sealed class JobSchedulerTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), "smartoffice-app-tests", Guid.NewGuid().ToString("N") + ".db");
    private static readonly TriggerKey FaxHonshu = new("cutoff-fax-Honshu", JobScheduler.CutoffGroup);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(200);
        }
    }

    /// <summary>The first acceptance day at or after <paramref name="from"/> whose 17:30 (FAX 17:00 + grace) is still ahead.</summary>
    private static DateTimeOffset NextFaxHonshuRun(IBusinessCalendar calendar, BusinessClock clock, DateOnly from)
    {
        var rules = new DeliveryRules(calendar, new RulesOptions());
        for (var day = from; ; day = day.AddDays(1))
        {
            var at = clock.At(day, new TimeOnly(17, 30));
            if (rules.IsAcceptanceDay(day) && at > clock.Now)
                return at;
        }
    }

    [Fact]
    public async Task Each_cutoff_has_a_Monday_to_Saturday_trigger_in_Japan_time_that_skips_a_closure_day_added_by_a_supervisor()
    {
        await using var app = new SchedulingApp(_database, firing: false);
        var services = app.Services;
        var scheduler = await services.GetRequiredService<JobScheduler>().Scheduler.WaitAsync(TimeSpan.FromSeconds(60));
        var clock = services.GetRequiredService<BusinessClock>();
        var calendars = services.GetRequiredService<BusinessCalendarCache>();

        var trigger = (ICronTrigger)(await scheduler.GetTrigger(FaxHonshu))!;
        Assert.Equal("0 30 17 ? * MON-SAT", trigger.CronExpressionString);
        Assert.Equal("Asia/Tokyo", trigger.TimeZone.Id);
        Assert.Equal(JobScheduler.AcceptanceDays, trigger.CalendarName);
        var expected = NextFaxHonshuRun(await calendars.GetAsync(), clock, clock.Today);
        Assert.Equal(expected, trigger.NextFireTimeUtc);
        Assert.NotNull(await scheduler.GetTrigger(new TriggerKey("cutoff-furniture", JobScheduler.CutoffGroup)));
        Assert.NotNull(await scheduler.GetTrigger(new TriggerKey(PointExpiryService.JobName, JobScheduler.PointsGroup)));

        // A supervisor closes the office on that day: the trigger moves to the next acceptance day.
        var closedDay = DateOnly.FromDateTime(clock.ToBusinessTime(expected).DateTime);
        var calendar = ActivatorUtilities.CreateInstance<BusinessCalendarService>(services, TestStaff.Supervisor);
        await calendar.AddClosureAsync(closedDay, "臨時休業");

        var moved = await EventuallyAsync(async () => (await scheduler.GetTrigger(FaxHonshu))!.NextFireTimeUtc, next => next != expected);
        Assert.Equal(NextFaxHonshuRun(await calendars.GetAsync(), clock, closedDay.AddDays(1)), moved);
    }

    [Fact]
    public async Task After_downtime_a_missed_cutoff_fires_once_and_closes_the_missed_batches()
    {
        DateTimeOffset? storedNext;
        await using (var first = new SchedulingApp(_database, firing: false))
        {
            var stopped = await first.Services.GetRequiredService<JobScheduler>().Scheduler.WaitAsync(TimeSpan.FromSeconds(60));
            storedNext = (await stopped.GetTrigger(FaxHonshu))!.NextFireTimeUtc;
        }
        SqliteConnection.ClearAllPools();

        // The console was down for three days: the stored next fire time is in the past, as after a real outage.
        await using (var connection = new SqliteConnection($"Data Source={_database}"))
        {
            await connection.OpenAsync();
            var select = connection.CreateCommand();
            select.CommandText = "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = $name";
            select.Parameters.AddWithValue("$name", FaxHonshu.Name);
            Assert.Equal(storedNext!.Value.UtcTicks, Convert.ToInt64(await select.ExecuteScalarAsync()));
            var update = connection.CreateCommand();
            update.CommandText = "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = $ticks WHERE TRIGGER_NAME = $name";
            update.Parameters.AddWithValue("$ticks", TestClock.Run.GetUtcNow().AddDays(-3).UtcTicks);
            update.Parameters.AddWithValue("$name", FaxHonshu.Name);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        SqliteConnection.ClearAllPools();

        await using var second = new SchedulingApp(_database, firing: true);
        var contexts = second.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>();
        async Task<List<JobRun>> RunsAsync()
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.JobRuns.Where(r => r.JobName == FaxHonshu.Name).ToListAsync();
        }

        var runs = await EventuallyAsync(RunsAsync, r => r.Count > 0);
        await Task.Delay(TimeSpan.FromSeconds(3));
        runs = await RunsAsync();

        var run = Assert.Single(runs);
        Assert.Equal(JobRunTrigger.Misfire, run.Trigger);
        Assert.Equal(JobRunOutcome.Completed, run.Outcome);
        Assert.True(run.Batches >= 4, $"a catch-up over a week closes several days' batches, closed {run.Batches}");
        var scheduler = await second.Services.GetRequiredService<JobScheduler>().Scheduler;
        Assert.True((await scheduler.GetTrigger(FaxHonshu))!.NextFireTimeUtc > TestClock.Run.GetUtcNow(), "back on its schedule");
    }
}
