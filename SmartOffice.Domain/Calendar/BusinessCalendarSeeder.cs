using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Calendar;

/// <summary>Fills the calendar table with computed holidays and the configured closure days, a year at a time.</summary>
internal static class BusinessCalendarSeeder
{
    /// <summary>Seeds each year that has no rows yet; years a supervisor already touched are left alone.</summary>
    public static async Task SeedYearsAsync(SmartOfficeDbContext db, IEnumerable<int> years, RulesOptions options, string closureName,
        CancellationToken cancellationToken)
    {
        var closures = ClosureDayRange.ParseList(options.ClosureDays);
        var wanted = years.Where(y => y is >= JapaneseHolidays.MinYear and <= JapaneseHolidays.MaxYear).ToList();
        var seeded = await db.CalendarDays.Select(d => d.Date.Year).Distinct()
            .Where(y => wanted.Contains(y)).ToListAsync(cancellationToken);
        foreach (var year in wanted.Except(seeded))
        {
            db.CalendarDays.AddRange(JapaneseHolidays.For(year).Select(h =>
                new CalendarDay { Date = h.Key, Kind = CalendarDayKind.NationalHoliday, Name = h.Value }));
            for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
            {
                if (closures.Any(c => c.Contains(day)))
                    db.CalendarDays.Add(new CalendarDay { Date = day, Kind = CalendarDayKind.Closure, Name = closureName });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
