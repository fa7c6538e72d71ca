using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.Domain.Jobs;

/// <summary>The services of one capability (docs/architecture.md, "One room per capability").</summary>
public static class JobsServices
{
    /// <summary>The cutoff batches, shipping instructions, point expiry and the jobs' run records.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, string basePath)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section))
            .PostConfigure(o => o.OutboxFolder = Path.GetFullPath(Path.Combine(basePath, o.OutboxFolder)))
            .ValidatedBy<JobsOptions, JobsSettingsCheck>();
        services.AddSingleton<CutoffSchedule>();
        services.AddSingleton<ShippingInstructionWriter>();
        services.AddSingleton<CutoffBatchService>();
        services.AddSingleton<PointExpiryService>();
        services.AddScoped<JobRunService>();
        return services;
    }
}
