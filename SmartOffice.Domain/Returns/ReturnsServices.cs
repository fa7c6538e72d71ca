using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.Domain.Returns;

/// <summary>The services of one capability (docs/architecture.md, "One room per capability").</summary>
public static class ReturnsServices
{
    /// <summary>Return slips.</summary>
    public static IServiceCollection AddReturns(this IServiceCollection services)
    {
        services.AddScoped<ReturnSlipService>();
        return services;
    }
}
