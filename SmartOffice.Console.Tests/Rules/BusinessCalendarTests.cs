using SmartOffice.Domain.Rules;
using static SmartOffice.Console.Tests.Rules.TestValues;

namespace SmartOffice.Console.Tests.Rules;

/// <summary>The business calendar: national holidays and closure days (年末年始等の特別休業日).</summary>
public class BusinessCalendarTests
{
    private static readonly SmartOfficeRules Rules = SmartOfficeRules.CreateDefault();
    private static readonly StaticBusinessCalendar Calendar = new(new RulesOptions());

    [Theory]
    [InlineData("2026-12-28", false)]
    [InlineData("2026-12-29", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2027-01-01", true)]
    [InlineData("2027-01-03", true)]
    [InlineData("2027-01-04", false)]
    public void The_default_closure_runs_from_29_December_to_3_January(string day, bool closed)
    {
        Assert.Equal(closed, Calendar.IsClosureDay(Day(day)));
    }

    [Theory]
    [InlineData("2027-01-01", true, "元日")]
    [InlineData("2026-09-22", true, "国民の休日")]
    [InlineData("2026-12-29", false, null)]
    [InlineData("2026-06-02", false, null)]
    public void National_holidays_are_computed(string day, bool holiday, string? name)
    {
        Assert.Equal(holiday, Calendar.IsNationalHoliday(Day(day)));
        Assert.Equal(name, Calendar.HolidayName(Day(day)));
    }

    [Fact]
    public void The_holidays_of_a_year_exclude_closure_days()
    {
        var holidays = Rules.Holidays(2026);

        Assert.Equal(18, holidays.Count);
        Assert.Equal("元日", holidays[Day("2026-01-01")]);
        Assert.Equal("振替休日", holidays[Day("2026-05-06")]);
        Assert.Equal("国民の休日", holidays[Day("2026-09-22")]);
        Assert.False(holidays.ContainsKey(Day("2026-12-29")));
        Assert.Equal(holidays.Keys.Order(), holidays.Keys);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2100)]
    public void Holidays_are_known_from_2000_to_2099(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rules.Holidays(year));
    }

    [Theory]
    [InlineData("12-29..01-03", "2026-12-29", true)]
    [InlineData("12-29..01-03", "2027-01-03", true)]
    [InlineData("12-29..01-03", "2026-06-15", false)]
    [InlineData("08-13..08-15", "2026-08-14", true)]
    [InlineData("08-13..08-15", "2026-08-16", false)]
    [InlineData("08-15", "2026-08-15", true)]
    [InlineData(" 05-01 .. 05-02 ", "2026-05-02", true)]
    [InlineData("02-29", "2028-02-29", true)]
    public void Closure_ranges_are_month_days_and_may_span_the_new_year(string range, string day, bool contained)
    {
        Assert.Equal(contained, ClosureDayRange.Parse(range).Contains(Day(day)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12/29..01/03")]
    [InlineData("13-01")]
    [InlineData("02-30")]
    [InlineData("12-29..01-03..01-05")]
    public void Malformed_closure_ranges_are_refused(string range)
    {
        Assert.Throws<FormatException>(() => ClosureDayRange.Parse(range));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("12-29..01-03", 1)]
    [InlineData("12-29..01-03, 08-13..08-15", 2)]
    public void The_closure_setting_lists_ranges_separated_by_commas(string setting, int count)
    {
        Assert.Equal(count, ClosureDayRange.ParseList(setting).Count);
    }
}
