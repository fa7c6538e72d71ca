using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.Domain.Warehouse;

/// <summary>The services of one capability (docs/architecture.md, "One room per capability").</summary>
public static class WarehouseServices
{
    /// <summary>Shipping results, stock receipts, stock, deliveries.</summary>
    public static IServiceCollection AddWarehouse(this IServiceCollection services, IConfiguration configuration, string basePath)
    {
        services.AddOptions<WarehouseOptions>().Bind(configuration.GetSection(WarehouseOptions.Section)).PostConfigure(o =>
        {
            o.ResultsFolder = Path.GetFullPath(Path.Combine(basePath, o.ResultsFolder));
            o.StockFolder = Path.GetFullPath(Path.Combine(basePath, o.StockFolder));
            o.ArchiveFolder = Path.GetFullPath(Path.Combine(basePath, o.ArchiveFolder));
            o.QuarantineFolder = Path.GetFullPath(Path.Combine(basePath, o.QuarantineFolder));
        });
        services.AddSingleton<WarehouseResultsImport>();
        services.AddSingleton<StockReceiptImport>();
        services.AddScoped<StockService>();
        services.AddScoped<WarehouseService>();
        services.AddSingleton<DeliveryJobService>();
        services.AddScoped<DeliveryDateService>();
        services.AddScoped<OrderShipmentsService>();
        return services;
    }
}
