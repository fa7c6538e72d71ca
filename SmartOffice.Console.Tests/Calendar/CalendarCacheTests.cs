using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.Support.TestDatabase;

namespace SmartOffice.Console.Tests.Calendar;

/// <summary>
/// The business calendar each console instance keeps in memory (<see cref="BusinessCalendarCache"/>): a first load that
/// failed or was cancelled is not kept — the next caller loads again — and an edit made on another instance (several consoles
/// on one database) is seen once the copy is older than <c>Rules:CalendarCacheMinutes</c>. Each "instance" here is the
/// domain as the app wires it, over one SQLite file and one fake clock.
/// </summary>
public sealed class CalendarCacheTests : IAsyncLifetime
{
    private static readonly DateOnly ChristmasEve = new(2026, 12, 24);
    private readonly TestDatabase _database = new(JapanTime(2026, 11, 25, 10, 0));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_first_load_that_failed_is_tried_again_by_the_next_caller()
    {
        await using var instance = Instance();
        var cache = instance.GetRequiredService<BusinessCalendarCache>();

        // The file has no tables yet: the load fails.
        await Assert.ThrowsAnyAsync<Exception>(() => cache.GetAsync());
        await _database.InitializeAsync();

        var calendar = await cache.GetAsync();
        Assert.True(calendar.IsNationalHoliday(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public async Task A_first_load_cancelled_by_its_caller_does_not_cancel_the_next_callers()
    {
        await _database.InitializeAsync();
        await using var instance = Instance();
        var cache = instance.GetRequiredService<BusinessCalendarCache>();

        // A circuit that goes away while the calendar loads cancels its own wait (or gets the calendar, when it was quicker),
        // never everyone's calendar.
        try
        {
            await cache.GetAsync(new CancellationToken(canceled: true));
        }
        catch (OperationCanceledException)
        {
        }

        var calendar = await cache.GetAsync();
        Assert.True(calendar.IsNationalHoliday(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public async Task A_closure_added_on_another_instance_is_seen_once_the_copy_has_expired()
    {
        await _database.InitializeAsync();
        await using var first = Instance();
        await using var second = Instance();
        var seen = second.GetRequiredService<BusinessCalendarCache>();
        Assert.False((await seen.GetAsync()).IsClosureDay(ChristmasEve));

        await using (var scope = first.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BusinessCalendarService>().AddClosureAsync(ChristmasEve, "棚卸");
        Assert.True((await first.GetRequiredService<BusinessCalendarCache>().GetAsync()).IsClosureDay(ChristmasEve));

        // The other instance keeps its copy for the setting's minutes, then reads the table again.
        _database.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False((await seen.GetAsync()).IsClosureDay(ChristmasEve));
        _database.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await seen.GetAsync()).IsClosureDay(ChristmasEve));
    }

    /// <summary>One console instance: the domain's services over the shared file and clock, with a 5-minute calendar copy.</summary>
    private ServiceProvider Instance()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rules:CalendarCacheMinutes"] = "5",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_database.Clock);
        services.AddSmartOfficeDomain(settings, _database.Folder);
        services.AddSingleton<IDbContextFactory<SmartOfficeDbContext>>(_database);
        services.AddScoped<ICurrentStaff>(_ => TestStaff.Supervisor);
        return services.BuildServiceProvider();
    }
}
