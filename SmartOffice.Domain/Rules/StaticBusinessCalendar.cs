using SmartOffice.Domain.Calendar;

namespace SmartOffice.Domain.Rules;

/// <summary>
/// The business calendar without a database: holidays computed by <see cref="JapaneseHolidays"/>
/// (2000–2099) and the closure ranges of <see cref="RulesOptions.ClosureDays"/>.
/// </summary>
public sealed class StaticBusinessCalendar(IReadOnlyList<ClosureDayRange> closureDays) : IBusinessCalendar
{
    public StaticBusinessCalendar(RulesOptions options)
        : this(ClosureDayRange.ParseList(options.ClosureDays))
    {
    }

    public bool IsNationalHoliday(DateOnly day) => JapaneseHolidays.IsHoliday(day);

    public bool IsClosureDay(DateOnly day) => closureDays.Any(range => range.Contains(day));

    public string? HolidayName(DateOnly day) => JapaneseHolidays.NameOf(day);
}
