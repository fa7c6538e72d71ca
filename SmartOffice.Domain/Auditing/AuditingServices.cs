using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.Domain.Auditing;

/// <summary>The services of one capability (docs/architecture.md, "One room per capability").</summary>
public static class AuditingServices
{
    /// <summary>The audit page's search and export.</summary>
    public static IServiceCollection AddAuditing(this IServiceCollection services)
    {
        services.AddScoped<AuditTrailService>();
        return services;
    }
}
