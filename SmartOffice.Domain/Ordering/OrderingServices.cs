using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.Domain.Ordering;

/// <summary>The services of one capability (docs/architecture.md, "One room per capability").</summary>
public static class OrderingServices
{
    /// <summary>FAX order entry, search, enquiries and quotes, back orders, stock-out notices, special orders, follow-ups.</summary>
    public static IServiceCollection AddOrdering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.Section))
            .ValidatedBy<FollowUpOptions, FollowUpSettingsCheck>();
        services.AddScoped<FaxOrderService>();
        services.AddScoped<OrderSearchService>();
        services.AddScoped<ProductEnquiryService>();
        services.AddScoped<QuoteService>();
        services.AddScoped<BackOrderService>();
        services.AddScoped<StockOutNoticeService>();
        services.AddScoped<SpecialOrderService>();
        services.AddScoped<FollowUpService>();
        return services;
    }
}
