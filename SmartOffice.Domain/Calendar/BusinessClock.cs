using Microsoft.Extensions.Options;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Calendar;

/// <summary>Japan time from the injected <see cref="TimeProvider"/>, whatever the server's own zone.</summary>
public sealed class BusinessClock(TimeProvider time, IOptions<RulesOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.BusinessTimeZone);

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public DateTimeOffset ToBusinessTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>The instant a Japan-time wall clock shows <paramref name="at"/> on <paramref name="day"/>.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly at)
    {
        var local = day.ToDateTime(at);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    /// <summary>[start, end) of a business day as instants, for queries on stored UTC times.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateOnly day) =>
        (At(day, TimeOnly.MinValue), At(day.AddDays(1), TimeOnly.MinValue));
}
