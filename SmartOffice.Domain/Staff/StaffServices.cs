using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.Domain.Staff;

/// <summary>The services of one capability (docs/architecture.md, "One room per capability").</summary>
public static class StaffServices
{
    /// <summary>Staff administration, passwords and server-side sessions.</summary>
    public static IServiceCollection AddStaff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.Section))
            .ValidatedBy<StaffOptions, StaffSettingsCheck>();
        services.AddSingleton<StaffSessionStore>();
        services.AddScoped<StaffAdministrationService>();
        services.AddScoped<StaffPasswordService>();
        return services;
    }
}
