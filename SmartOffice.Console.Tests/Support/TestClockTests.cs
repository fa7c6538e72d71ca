using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Support;

/// <summary>Whatever day CI runs on, the test consoles start at an ordinary business moment (docs/testing.md).</summary>
public sealed class TestClockTests
{
    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Fact]
    public void Every_run_date_of_five_years_starts_the_consoles_on_a_Wednesday_10_00_of_an_ordinary_week_shortly_before()
    {
        for (var day = new DateOnly(2026, 1, 1); day.Year <= 2030; day = day.AddDays(1))
        {
            // 03:00 and 23:59 Japan time: the Japan date decides, not the server's.
            foreach (var hour in new[] { 3, 23 })
            {
                var run = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 59)), TimeSpan.FromHours(9));
                var start = TimeZoneInfo.ConvertTime(TestClock.OrdinaryMomentOnOrBefore(run), Japan);
                var startDay = DateOnly.FromDateTime(start.DateTime);

                Assert.Equal((DayOfWeek.Wednesday, new TimeOnly(10, 0)), (startDay.DayOfWeek, TimeOnly.FromDateTime(start.DateTime)));
                Assert.InRange(startDay, day.AddDays(-49), day);
                Assert.InRange(startDay.Day, 6, 24);
                for (var d = startDay.AddDays(-2); d <= startDay.AddDays(3); d = d.AddDays(1))
                    Assert.False(JapaneseHolidays.IsHoliday(d), $"{d} is a holiday (run {day})");
            }
        }
    }

    [Fact]
    public void The_clock_runs_at_real_speed_from_where_it_starts()
    {
        var before = TimeProvider.System.GetUtcNow();
        var now = TestClock.Run.GetUtcNow();
        var after = TimeProvider.System.GetUtcNow();
        var shift = TestClock.Run.GetUtcNow() - TimeProvider.System.GetUtcNow();
        Assert.InRange(now - shift, before.AddSeconds(-1), after.AddSeconds(1));
        Assert.True(now >= TestClock.Run.StartsAt);
    }
}
