namespace SmartOffice.Domain.Rules;

/// <summary>
/// The business calendar the rules consult: national holidays (国民の祝日, 振替休日, 国民の休日) and
/// company closure days (年末年始 etc.). Implemented from computed data or from the supervisors' table.
/// </summary>
public interface IBusinessCalendar
{
    bool IsNationalHoliday(DateOnly day);

    bool IsClosureDay(DateOnly day);

    /// <summary>The national holiday's name, or null when the day is not one.</summary>
    string? HolidayName(DateOnly day);
}
