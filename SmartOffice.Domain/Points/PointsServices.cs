using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.Domain.Points;

/// <summary>The services of one capability (docs/architecture.md, "One room per capability").</summary>
public static class PointsServices
{
    /// <summary>Point accounts and FAX balance requests.</summary>
    public static IServiceCollection AddPoints(this IServiceCollection services)
    {
        services.AddScoped<PointAccountService>();
        services.AddScoped<BalanceRequestService>();
        return services;
    }
}
