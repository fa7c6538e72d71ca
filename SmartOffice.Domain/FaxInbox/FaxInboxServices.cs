using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Domain.FaxInbox.Recognition;

namespace SmartOffice.Domain.FaxInbox;

/// <summary>The services of one capability (docs/architecture.md, "One room per capability").</summary>
public static class FaxInboxServices
{
    /// <summary>The FAX inbox: intake, claims, the link for the keying services, recognition and the order form.</summary>
    public static IServiceCollection AddFaxInbox(this IServiceCollection services, IConfiguration configuration, string basePath)
    {
        services.AddOptions<FaxInboxOptions>().Bind(configuration.GetSection(FaxInboxOptions.Section)).PostConfigure(o =>
        {
            o.DropFolder = Path.GetFullPath(Path.Combine(basePath, o.DropFolder));
            o.ArchiveFolder = Path.GetFullPath(Path.Combine(basePath, o.ArchiveFolder));
            o.QuarantineFolder = Path.GetFullPath(Path.Combine(basePath, o.QuarantineFolder));
        }).ValidatedBy<FaxInboxOptions, FaxInboxSettingsCheck>();
        services.AddOptions<FaxRecognitionOptions>().Bind(configuration.GetSection(FaxRecognitionOptions.Section));
        services.AddSingleton<FaxInboxChanges>();
        services.AddSingleton<FaxIntakeStatus>();
        services.AddSingleton<FaxIntakeService>();
        services.AddScoped<FaxInboxService>();
        services.AddScoped<FaxInboxLink>();
        services.AddSingleton<FaxRecognitionStatus>();
        services.AddSingleton<FaxRecognitionRunner>();
        services.AddScoped<FaxRecognitionService>();
        services.AddScoped<OrderFormPrintService>();
        return services;
    }
}
