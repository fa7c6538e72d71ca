using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.Support.TestDatabase;

namespace SmartOffice.Console.Tests.Calendar;

public sealed class BusinessCalendarServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new(JapanTime(2026, 11, 25, 10, 0));

    public async Task InitializeAsync() => await _database.InitializeAsync();

    private BusinessCalendarService For(ICurrentStaff staff) =>
        new(_database, staff, _database.Clock, _database.Calendar, _database.Rules, new SchedulingChanges());

    [Fact]
    public async Task The_month_shows_holidays_closures_and_which_days_accept_orders()
    {
        var december = await For(TestStaff.Supervisor).GetMonthAsync(2026, 12);

        Assert.Equal(31, december.Days.Count);
        var day = december.Days.ToDictionary(d => d.Date);
        Assert.True(day[new DateOnly(2026, 12, 26)].IsAcceptanceDay);   // Saturday: accepted, not delivered
        Assert.False(day[new DateOnly(2026, 12, 26)].IsDeliveryDay);
        Assert.False(day[new DateOnly(2026, 12, 27)].IsAcceptanceDay);  // Sunday
        var closure = Assert.Single(day[new DateOnly(2026, 12, 29)].Entries);
        Assert.Equal(CalendarDayKind.Closure, closure.Kind);
        Assert.Equal("会社休業日", closure.Name);
        Assert.False(day[new DateOnly(2026, 12, 29)].IsAcceptanceDay);

        var november = await For(TestStaff.Supervisor).GetMonthAsync(2026, 11);
        var labourDay = Assert.Single(november.Days.Single(d => d.Date == new DateOnly(2026, 11, 23)).Entries);
        Assert.Equal("勤労感謝の日", labourDay.Name);
    }

    [Fact]
    public async Task A_year_outside_the_seeded_range_is_seeded_when_first_shown()
    {
        var may = await For(TestStaff.Supervisor).GetMonthAsync(2035, 5);

        Assert.Contains(may.Days.SelectMany(d => d.Entries), e => e.Name == "こどもの日");
        await using var db = _database.CreateDbContext();
        Assert.True(await db.CalendarDays.CountAsync(d => d.Date.Year == 2035) > 15);
    }

    [Fact]
    public async Task A_closure_day_added_by_a_supervisor_stops_acceptance_at_once_and_is_audited()
    {
        var service = For(TestStaff.Supervisor);
        var day = new DateOnly(2026, 12, 4);
        Assert.True((await _database.Calendar.GetAsync()).IsClosureDay(day) is false);

        await service.AddClosureAsync(day, "棚卸し");

        Assert.True((await _database.Calendar.GetAsync()).IsClosureDay(day));
        var month = await service.GetMonthAsync(2026, 12);
        Assert.False(month.Days.Single(d => d.Date == day).IsAcceptanceDay);
        await using var db = _database.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync();
        Assert.Equal("Calendar.ClosureAdded", audit.Action);
        Assert.Equal("super", audit.StaffId);
        Assert.Contains("棚卸し", audit.After);
    }

    [Fact]
    public async Task Removing_a_day_needs_the_version_the_supervisor_saw()
    {
        var service = For(TestStaff.Supervisor);
        var added = await service.AddClosureAsync(new DateOnly(2026, 12, 4), "棚卸し");

        var stale = await Assert.ThrowsAsync<BusinessRuleException>(() => service.RemoveAsync(added.Id, added.Version + 1));
        Assert.Equal("Calendar.DayChanged", stale.Key);

        await service.RemoveAsync(added.Id, added.Version);
        Assert.False((await _database.Calendar.GetAsync()).IsClosureDay(new DateOnly(2026, 12, 4)));
    }

    [Fact]
    public async Task A_holiday_can_be_corrected_by_removing_and_adding_it()
    {
        var service = For(TestStaff.Supervisor);
        var month = await service.GetMonthAsync(2027, 3);
        var equinox = month.Days.SelectMany(d => d.Entries).Single(e => e.Name == "春分の日");

        var corrected = equinox.Date.AddDays(-1);

        await service.RemoveAsync(equinox.Id, equinox.Version);
        await service.AddHolidayAsync(corrected, "春分の日");

        var calendar = await _database.Calendar.GetAsync();
        Assert.False(calendar.IsNationalHoliday(equinox.Date));
        Assert.Equal("春分の日", calendar.HolidayName(corrected));
    }

    [Theory]
    [InlineData("", "Calendar.NameRequired")]
    [InlineData("   ", "Calendar.NameRequired")]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_saved(string name, string key)
    {
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => For(TestStaff.Supervisor)
            .AddClosureAsync(new DateOnly(2026, 12, 4), name));

        Assert.Equal(key, error.Key);
        Assert.Equal("名称を入力してください。", error.Message);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.CalendarDays.AnyAsync(d => d.IsManual));
    }

    [Fact]
    public async Task A_second_closure_on_the_same_day_is_refused()
    {
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => For(TestStaff.Supervisor)
            .AddClosureAsync(new DateOnly(2026, 12, 30), "重複"));
        Assert.Equal("2026/12/30はすでに休業日です。", error.Message);
    }

    [Fact]
    public async Task Recent_changes_list_calendar_and_region_edits_newest_first()
    {
        var calendar = For(TestStaff.Supervisor);
        await calendar.AddClosureAsync(new DateOnly(2026, 12, 4), "棚卸し");
        _database.Clock.Advance(TimeSpan.FromMinutes(5));
        var regions = new RegionSettingsService(_database, TestStaff.Administrator, _database.Clock, new SchedulingChanges());
        var honshu = (await regions.ListAsync()).Single(r => r.Code == "Honshu");
        await regions.UpdateAsync(new(honshu.Id, honshu.Version, new(16, 30), honshu.WebCutoff, 0));

        var changes = await calendar.RecentChangesAsync(10);

        Assert.Equal(["Regions.CutoffsChanged", "Calendar.ClosureAdded"], changes.Select(c => c.Action));
        Assert.Equal("渡辺 浩", changes[0].StaffName);
        Assert.Contains("17:00", changes[0].Before);
        Assert.Contains("16:30", changes[0].After);
        await Assert.ThrowsAsync<AccessDeniedException>(() => For(TestStaff.DeskAgent).RecentChangesAsync(10));
    }

    [Fact]
    public async Task Desk_agents_and_dealer_reps_are_refused()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => For(TestStaff.DeskAgent).GetMonthAsync(2026, 12));
        await Assert.ThrowsAsync<AccessDeniedException>(() => For(TestStaff.DealerRep(1)).AddClosureAsync(new DateOnly(2026, 12, 4), "x"));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
