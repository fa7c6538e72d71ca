using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Calendar;

/// <summary>
/// Holds the business calendar in memory (a few hundred rows) so every rule sees it without a query per date. Reloaded
/// after a supervisor's edit on this instance, and once the copy is older than <see cref="RulesOptions.CalendarCacheMinutes"/>
/// (other instances on the same database edit it too). One load is shared by every caller and runs to its end whoever
/// stops waiting; a load that failed or was cancelled is never kept: the next caller loads again.
/// </summary>
public sealed class BusinessCalendarCache(IDbContextFactory<SmartOfficeDbContext> contexts, IOptions<RulesOptions> options,
    TimeProvider time)
{
    private readonly Lock _gate = new();
    private Task<IBusinessCalendar>? _current;
    private DateTimeOffset _loadedFrom;

    public Task<IBusinessCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        Task<IBusinessCalendar> current;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_current is null || _current.IsFaulted || _current.IsCanceled
                || now - _loadedFrom >= TimeSpan.FromMinutes(options.Value.CalendarCacheMinutes))
                (_current, _loadedFrom) = (LoadAsync(), now);
            current = _current;
        }
        return current.WaitAsync(cancellationToken);
    }

    public void Invalidate()
    {
        lock (_gate)
            _current = null;
    }

    private async Task<IBusinessCalendar> LoadAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var days = await db.CalendarDays.AsNoTracking().ToListAsync();
        return new BusinessCalendarSnapshot(days, new StaticBusinessCalendar(options.Value));
    }
}
