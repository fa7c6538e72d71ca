using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Diagnostics;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Warehouse;

namespace SmartOffice.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>
    /// Everything the domain needs: settings, persistence, rules and the use-case services.
    /// The host supplies <see cref="Staff.ICurrentStaff"/> (who is calling) and may replace <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddSmartOfficeDomain(this IServiceCollection services, IConfiguration configuration, string basePath)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        // Every other section is checked when the host starts (ValidateOnStart): a wrong value stops start-up with its fix.
        services.AddOptions<RulesOptions>().Bind(configuration.GetSection(RulesOptions.SectionName))
            .ValidatedBy<RulesOptions, RulesSettingsCheck>();
        services.AddOptions<DeskContactOptions>().Bind(configuration.GetSection(DeskContactOptions.SectionName))
            .ValidatedBy<DeskContactOptions, DeskContactSettingsCheck>();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section)).ValidateOnStart();
        services.AddOptions<ReferenceDataOptions>().Bind(configuration).ValidatedBy<ReferenceDataOptions, ReferenceDataSettingsCheck>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConsoleMetrics>();
        services.AddSmartOfficePersistence(basePath);
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DemoDataGenerator>();
        services.AddSingleton<DemoWarehouse>();
        // One call per capability: each lists its own services in its folder (e.g. Ordering/OrderingServices.cs).
        services.AddCalendar();
        services.AddAccounts();
        services.AddOrdering(configuration);
        services.AddReturns();
        services.AddPoints();
        services.AddPrizes();
        services.AddFaxInbox(configuration, basePath);
        services.AddReporting();
        services.AddJobs(configuration, basePath);
        services.AddStaff(configuration);
        services.AddWarehouse(configuration, basePath);
        services.AddAuditing();
        return services;
    }

    /// <summary>Checks the section with <typeparamref name="TCheck"/> when the host starts.</summary>
    internal static OptionsBuilder<TOptions> ValidatedBy<TOptions, TCheck>(this OptionsBuilder<TOptions> options)
        where TOptions : class where TCheck : class, IValidateOptions<TOptions>
    {
        options.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TCheck>());
        return options.ValidateOnStart();
    }
}
