using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Calendar;

public enum CalendarDayKind
{
    /// <summary>国民の祝日 (incl. 振替休日, 国民の休日).</summary>
    NationalHoliday,
    /// <summary>Company closure (年末年始 etc.): no acceptance, no delivery.</summary>
    Closure,
}

/// <summary>A non-working day of the business calendar. Computed holidays seed it; supervisors correct it.</summary>
public class CalendarDay : IVersioned
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>True when a supervisor added or corrected it (seeding never overwrites those).</summary>
    public bool IsManual { get; set; }
    public int Version { get; set; }
}
