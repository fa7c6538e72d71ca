using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Calendar;

/// <summary>
/// The supervisors' business calendar as the rules see it: the table's rows for the years it holds,
/// the computed calendar for years not yet seeded.
/// </summary>
public sealed class BusinessCalendarSnapshot(
    IReadOnlyCollection<CalendarDay> days, IBusinessCalendar computed) : IBusinessCalendar
{
    private readonly Dictionary<DateOnly, string> _holidays = days.Where(d => d.Kind == CalendarDayKind.NationalHoliday)
        .ToDictionary(d => d.Date, d => d.Name);
    private readonly HashSet<DateOnly> _closures = days.Where(d => d.Kind == CalendarDayKind.Closure).Select(d => d.Date).ToHashSet();
    private readonly HashSet<int> _years = days.Select(d => d.Date.Year).ToHashSet();

    public bool IsNationalHoliday(DateOnly day) =>
        _years.Contains(day.Year) ? _holidays.ContainsKey(day) : computed.IsNationalHoliday(day);

    public bool IsClosureDay(DateOnly day) =>
        _years.Contains(day.Year) ? _closures.Contains(day) : computed.IsClosureDay(day);

    public string? HolidayName(DateOnly day) =>
        _years.Contains(day.Year) ? _holidays.GetValueOrDefault(day) : computed.HolidayName(day);
}
