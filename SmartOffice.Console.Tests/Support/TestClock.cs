using System.Globalization;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// The clock of every console a test starts (<see cref="ConsoleApp"/>): real speed, but shifted so the run starts at an
/// ordinary business moment whatever the day and hour CI runs on — 10:00 Japan time on the latest Wednesday whose week
/// (Monday to Saturday) has no national holiday or closure day and lies in the 4th–27th of one month (no month start or
/// end, no year-end). Demo data is generated from the app's "now", so data, app and Quartz agree; a test that needs
/// "today" asks the app (<see cref="ConsoleApp.BusinessClock"/>), never the machine.
/// The environment variable <c>SMARTOFFICE_TEST_NOW</c> (an instant, e.g. <c>2026-12-27T03:00+09:00</c>) starts the run at
/// that moment instead, to see how the suite fares on a Sunday night or at the year-end.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public const string StartVariable = "SMARTOFFICE_TEST_NOW";
    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly IReadOnlyList<ClosureDayRange> ClosureDays = ClosureDayRange.ParseList(new RulesOptions().ClosureDays);

    /// <summary>One shift for the whole test run, so a console restarted inside a test sees its time go on.</summary>
    public static TestClock Run { get; } = new(StartFromEnvironment() ?? OrdinaryMomentOnOrBefore(TimeProvider.System.GetUtcNow()));

    private readonly TimeSpan _shift;

    private TestClock(DateTimeOffset startsAt)
    {
        StartsAt = startsAt;
        _shift = startsAt - TimeProvider.System.GetUtcNow();
    }

    /// <summary>Where the run's time began.</summary>
    public DateTimeOffset StartsAt { get; }

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _shift;

    /// <summary>10:00 Japan time on the latest ordinary Wednesday on or before <paramref name="instant"/>'s Japan day.</summary>
    public static DateTimeOffset OrdinaryMomentOnOrBefore(DateTimeOffset instant)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Japan).DateTime);
        day = day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Wednesday + 7) % 7));
        while (!IsOrdinaryWeek(day))
            day = day.AddDays(-7);
        var at = day.ToDateTime(new TimeOnly(10, 0));
        return new DateTimeOffset(at, Japan.GetUtcOffset(at)).ToUniversalTime();
    }

    /// <summary>Monday to Saturday around <paramref name="wednesday"/>: acceptance days of one month, away from its ends.</summary>
    private static bool IsOrdinaryWeek(DateOnly wednesday)
    {
        var (monday, saturday) = (wednesday.AddDays(-2), wednesday.AddDays(3));
        if (monday.Day < 4 || saturday.Day > 27 || monday.Month != saturday.Month)
            return false;
        for (var day = monday; day <= saturday; day = day.AddDays(1))
        {
            if (JapaneseHolidays.IsHoliday(day) || ClosureDays.Any(c => c.Contains(day)))
                return false;
        }
        return true;
    }

    private static DateTimeOffset? StartFromEnvironment() =>
        Environment.GetEnvironmentVariable(StartVariable) is { Length: > 0 } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUniversalTime()
            : null;
}
