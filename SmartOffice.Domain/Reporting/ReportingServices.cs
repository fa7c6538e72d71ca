using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.Domain.Reporting;

/// <summary>The services of one capability (docs/architecture.md, "One room per capability").</summary>
public static class ReportingServices
{
    /// <summary>The dashboard, the reports and the exports' progress.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        services.AddScoped<PurchaseDataService>();
        services.AddScoped<EcoReportService>();
        services.AddScoped<OperationsReportService>();
        services.AddSingleton<ExportTracker>();
        return services;
    }
}
