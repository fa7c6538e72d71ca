using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Calendar;

/// <summary>
/// Holds the business calendar in memory (a few hundred rows) and reloads it after a supervisor's edit,
/// so every rule sees edits at once without a query per date.
/// </summary>
public sealed class BusinessCalendarCache(IDbContextFactory<SmartOfficeDbContext> contexts, IOptions<RulesOptions> options)
{
    private volatile Task<IBusinessCalendar>? _current;

    public Task<IBusinessCalendar> GetAsync(CancellationToken cancellationToken = default) =>
        _current ??= LoadAsync(cancellationToken);

    public void Invalidate() => _current = null;

    private async Task<IBusinessCalendar> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        return new BusinessCalendarSnapshot(days, new StaticBusinessCalendar(options.Value));
    }
}
