using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl.Calendar;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Warehouse;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Jobs;

/// <summary>A scheduled job as the jobs page shows it; times are instants (the page shows Japan time).</summary>
public sealed record ScheduledJob(string Name, string Group, CutoffDefinition? Cutoff, string Cron, DateTimeOffset? NextFire,
    DateTimeOffset? PreviousFire, bool Paused);

/// <summary>
/// Quartz with its ADO job store in the application database (tables provisioned by Quartz; clustered on SQL Server, where
/// several console instances share the triggers; SQLite refuses clustering). Built when the app starts, from the settings
/// resolved then, after the database is initialised. Keeps one cron trigger per cutoff (Mon–Sat, Japan time, through the
/// acceptance-day calendar of holidays and closure days) and the monthly point expiry, in step with supervisors' edits.
/// A missed fire runs once when the scheduler is back ("fire and proceed"); the domain's idempotency does the rest.
/// Quartz runs on the app's <see cref="TimeProvider"/>, so its fire times and the domain's business days read one clock.
/// </summary>
public sealed class JobScheduler(
    IServiceProvider services,
    IDbContextFactory<SmartOfficeDbContext> contexts,
    IOptions<DatabaseOptions> database,
    IOptions<JobsOptions> options,
    CutoffSchedule schedule,
    BusinessCalendarCache calendars,
    BusinessClock clock,
    TimeProvider time,
    SchedulingChanges changes,
    DatabaseInitializer initializer,
    ILogger<JobScheduler> log) : IHostedService, IAsyncDisposable
{
    public const string CutoffGroup = "cutoff";
    public const string PointsGroup = "points";
    public const string AcceptanceDays = "acceptance-days";
    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private readonly TaskCompletionSource<IScheduler> _scheduler = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sync = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The scheduler once it is built (jobs and triggers in place); the jobs page awaits it.</summary>
    public Task<IScheduler> Scheduler => _scheduler.Task;

    /// <summary>False when <c>Jobs:SchedulerEnabled</c> keeps the scheduler in standby (jobs listed, nothing fires).</summary>
    public bool IsFiring => options.Value.SchedulerEnabled;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Start-up must not wait for migrations and demo data; the scheduler follows them in the background.
        _ = Task.Run(() => StartWhenReadyAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StartWhenReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await initializer.Ready.WaitAsync(cancellationToken);
            var scheduler = await BuildAsync(cancellationToken);
            await SyncAsync(scheduler, cancellationToken);
            changes.Changed += OnSchedulingChanged;
            if (options.Value.SchedulerEnabled)
                await scheduler.Start(cancellationToken);
            else
                log.LogWarning("Jobs:SchedulerEnabled is false: jobs are listed but nothing fires");
            _scheduler.TrySetResult(scheduler);
        }
        catch (Exception e)
        {
            if (e is not OperationCanceledException)
                log.LogError(e, "The job scheduler could not start");
            _scheduler.TrySetException(e);
        }
    }

    private async Task<IScheduler> BuildAsync(CancellationToken cancellationToken)
    {
        string connectionString;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            connectionString = db.Database.GetConnectionString()!;
        var sqlServer = PersistenceServiceCollectionExtensions.ProviderOf(database.Value) == DatabaseProvider.SqlServer;
        var factory = QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = options.Value.SchedulerName;
                s.GenerateInstanceId = sqlServer;
            });
            q.UseTimeProvider(time);
            q.UseDefaultThreadPool(2);
            q.UsePersistentStore(store =>
            {
                if (sqlServer)
                {
                    store.UseSqlServer(connectionString);
                    store.UseClustering(c => c.Enabled = true);
                }
                else
                {
                    store.UseSqlite(connectionString);
                }
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o => o.MisfireThreshold = options.Value.MisfireThreshold);
            });
            q.UseJobFactory(new ScopedJobFactory(services));
        }).Build();
        return await factory.GetScheduler(cancellationToken);
    }

    private void OnSchedulingChanged() => _ = Task.Run(async () =>
    {
        try
        {
            await SyncAsync(await Scheduler, _stopping.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not follow a calendar or cutoff change in the job triggers");
        }
    });

    /// <summary>Brings the calendar and the triggers in line with the business calendar and the cutoffs that are set.</summary>
    public async Task SyncAsync(IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        await _sync.WaitAsync(cancellationToken);
        try
        {
            await SyncCalendarAsync(scheduler, cancellationToken);
            foreach (var cutoff in await schedule.ListAsync(cancellationToken))
            {
                var job = JobBuilder.Create<CutoffJob>().WithIdentity(cutoff.JobName, CutoffGroup).StoreDurably().Build();
                await EnsureAsync(scheduler, job, $"0 {cutoff.ClosesAt.Minute} {cutoff.ClosesAt.Hour} ? * MON-SAT", AcceptanceDays,
                    cancellationToken);
            }
            var at = options.Value.PointExpiryAt;
            var expiry = JobBuilder.Create<PointExpiryJob>().WithIdentity(PointExpiryService.JobName, PointsGroup).StoreDurably().Build();
            await EnsureAsync(scheduler, expiry, $"0 {at.Minute} {at.Hour} 1 * ?", null, cancellationToken);
            var deliveryAt = options.Value.DeliveryAt;
            var delivery = JobBuilder.Create<DeliveryJob>().WithIdentity(DeliveryJobService.JobName, PointsGroup).StoreDurably().Build();
            await EnsureAsync(scheduler, delivery, $"0 {deliveryAt.Minute} {deliveryAt.Hour} * * ?", null, cancellationToken);
        }
        finally
        {
            _sync.Release();
        }
    }

    /// <summary>
    /// An unchanged trigger is left alone: it keeps its stored next fire time, so a fire missed while the app was down is
    /// still caught up. A changed time replaces it.
    /// </summary>
    private static async Task EnsureAsync(IScheduler scheduler, IJobDetail job, string cron, string? calendar,
        CancellationToken cancellationToken)
    {
        var key = new TriggerKey(job.Key.Name, job.Key.Group);
        var existing = await scheduler.GetTrigger(key, cancellationToken) as ICronTrigger;
        if (existing is not null && existing.CronExpressionString == cron && existing.CalendarName == calendar)
            return;
        var builder = TriggerBuilder.Create(scheduler.TimeProvider).WithIdentity(key).ForJob(job.Key)
            .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(Japan)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
        if (calendar is not null)
            builder = builder.WithCalendarName(calendar);
        if (existing is null)
            await scheduler.ScheduleJob(job, builder.Build(), new ScheduleJobOptions { Replace = true }, cancellationToken);
        else
            await scheduler.RescheduleJob(key, builder.Build(), cancellationToken);
    }

    /// <summary>Holidays and closure days from last year to two years ahead, replaced only when a supervisor changed one.</summary>
    private async Task SyncCalendarAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var business = await calendars.GetAsync(cancellationToken);
        var excluded = new HolidayCalendar { TimeZone = Japan };
        for (var day = new DateOnly(clock.Today.Year - 1, 1, 1); day.Year <= clock.Today.Year + 2; day = day.AddDays(1))
        {
            if (business.IsNationalHoliday(day) || business.IsClosureDay(day))
                excluded.AddExcludedDay(day);
        }
        if (await scheduler.GetCalendar(AcceptanceDays, cancellationToken) is HolidayCalendar current
            && current.DaysExcluded.SequenceEqual(excluded.DaysExcluded))
            return;
        await scheduler.AddCalendar(AcceptanceDays, excluded, AddCalendarOptions.ReplacingAndUpdatingTriggers, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        changes.Changed -= OnSchedulingChanged;
        await _stopping.CancelAsync();
        if (_scheduler.Task.IsCompletedSuccessfully)
            await _scheduler.Task.Result.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }

    /// <summary>
    /// Disposal only cancels: the host may still call <see cref="StopAsync"/> after the container disposed this singleton
    /// (a test host shutting down did, and a disposed token source then threw), and neither the token source nor the
    /// semaphore ever hands out a wait handle that would need releasing.
    /// </summary>
    public async ValueTask DisposeAsync() => await _stopping.CancelAsync();
}
