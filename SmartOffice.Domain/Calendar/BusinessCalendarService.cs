using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Calendar;

/// <summary>One month of the business calendar, as the supervisor's page shows it.</summary>
public sealed record CalendarMonth(int Year, int Month, IReadOnlyList<CalendarDayView> Days);

/// <summary>A day of the month: its non-working entries (holiday and/or closure) and whether orders are accepted / delivered.</summary>
public sealed record CalendarDayView(DateOnly Date, IReadOnlyList<CalendarDay> Entries, bool IsAcceptanceDay, bool IsDeliveryDay);

/// <summary>
/// The supervisors' business calendar (営業日カレンダー): closure days added and removed, national holidays corrected
/// (equinox dates are fixed officially each February). Every change is audited and takes effect at once.
/// </summary>
public sealed class BusinessCalendarService(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    ICurrentStaff staff,
    TimeProvider time,
    BusinessCalendarCache cache,
    IOptions<RulesOptions> options,
    SchedulingChanges schedulingChanges)
{
    private const int MaxNameLength = 60;
    private const string ChangedKey = "Calendar.DayChanged";

    public async Task<CalendarMonth> GetMonthAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        if (year is < JapaneseHolidays.MinYear or > JapaneseHolidays.MaxYear || month is < 1 or > 12)
            throw new BusinessRuleException("Calendar.YearOutOfRange", JapaneseHolidays.MinYear, JapaneseHolidays.MaxYear);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.CalendarDays.AnyAsync(d => d.Date.Year == year, cancellationToken))
        {
            await BusinessCalendarSeeder.SeedYearsAsync(db, [year], options.Value, DomainText.ForData("Calendar.DefaultClosureName"),
                cancellationToken);
            cache.Invalidate();
        }
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var entries = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= last).ToListAsync(cancellationToken);
        var rules = new DeliveryRules(await cache.GetAsync(cancellationToken), options.Value);
        var days = Enumerable.Range(0, last.Day)
            .Select(i => first.AddDays(i))
            .Select(day => new CalendarDayView(day,
                entries.Where(e => e.Date == day).OrderBy(e => e.Kind).ToList(),
                rules.IsAcceptanceDay(day),
                rules.IsDeliveryDay(day, saturdayCounts: false)))
            .ToList();
        return new CalendarMonth(year, month, days);
    }

    /// <summary>The latest changes to the calendar and the regions' cutoffs, newest first: who changed what, when.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentChangesAsync(int take, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(CalendarDay) || a.EntityType == nameof(Accounts.Region))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds a company closure day (臨時休業日 etc.): no acceptance, no delivery that day.</summary>
    public Task<CalendarDay> AddClosureAsync(DateOnly date, string name, CancellationToken cancellationToken = default) =>
        AddAsync(date, CalendarDayKind.Closure, name, "Calendar.ClosureAdded", cancellationToken);

    /// <summary>Adds a national holiday the computation does not know (or moved officially).</summary>
    public Task<CalendarDay> AddHolidayAsync(DateOnly date, string name, CancellationToken cancellationToken = default) =>
        AddAsync(date, CalendarDayKind.NationalHoliday, name, "Calendar.HolidayAdded", cancellationToken);

    /// <summary>Removes a closure day or a wrongly computed holiday. <paramref name="version"/> guards against a concurrent edit.</summary>
    public async Task RemoveAsync(int id, int version, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var day = (await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new BusinessRuleException(ChangedKey)).AsSeen(version, ChangedKey);
        db.CalendarDays.Remove(day);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Calendar.DayRemoved", nameof(CalendarDay), day.Date.ToString("O"),
            new { day.Date, day.Kind, day.Name }, null));
        await SaveAsync(db, cancellationToken);
    }

    private async Task<CalendarDay> AddAsync(DateOnly date, CalendarDayKind kind, string name, string action,
        CancellationToken cancellationToken)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        name = (name ?? "").Normalize(System.Text.NormalizationForm.FormKC).Trim();
        if (name.Length == 0)
            throw new BusinessRuleException("Calendar.NameRequired");
        if (name.Length > MaxNameLength)
            throw new BusinessRuleException("Calendar.NameTooLong", MaxNameLength);
        if (date.Year is < JapaneseHolidays.MinYear or > JapaneseHolidays.MaxYear)
            throw new BusinessRuleException("Calendar.YearOutOfRange", JapaneseHolidays.MinYear, JapaneseHolidays.MaxYear);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Seed the year first, so a manual row never makes the year look seeded while its holidays are missing.
        await BusinessCalendarSeeder.SeedYearsAsync(db, [date.Year], options.Value, DomainText.ForData("Calendar.DefaultClosureName"),
            cancellationToken);
        if (await db.CalendarDays.AnyAsync(d => d.Date == date && d.Kind == kind, cancellationToken))
            throw new BusinessRuleException(kind == CalendarDayKind.Closure ? "Calendar.ClosureExists" : "Calendar.HolidayExists", date);

        var day = new CalendarDay { Date = date, Kind = kind, Name = name, IsManual = true };
        db.CalendarDays.Add(day);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, action, nameof(CalendarDay), date.ToString("O"), null,
            new { Date = date, Kind = kind, Name = name }));
        await SaveAsync(db, cancellationToken);
        return day;
    }

    private async Task SaveAsync(SmartOfficeDbContext db, CancellationToken cancellationToken)
    {
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        cache.Invalidate();
        schedulingChanges.Raise();
    }
}
