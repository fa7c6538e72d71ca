using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.Domain.Calendar;

/// <summary>The services of one capability (docs/architecture.md, "One room per capability").</summary>
public static class CalendarServices
{
    /// <summary>The business clock, the business calendar and its cache, region cutoff settings.</summary>
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddSingleton<BusinessClock>();
        services.AddSingleton<BusinessCalendarCache>();
        services.AddScoped<BusinessCalendarService>();
        services.AddScoped<RegionSettingsService>();
        services.AddSingleton<SchedulingChanges>();
        return services;
    }
}
