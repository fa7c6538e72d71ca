using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.Domain.Prizes;

/// <summary>The services of one capability (docs/architecture.md, "One room per capability").</summary>
public static class PrizesServices
{
    /// <summary>The prize catalogue and applications.</summary>
    public static IServiceCollection AddPrizes(this IServiceCollection services)
    {
        services.AddScoped<PrizeCatalogService>();
        services.AddScoped<PrizeApplicationService>();
        return services;
    }
}
