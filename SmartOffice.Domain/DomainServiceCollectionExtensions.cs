using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Diagnostics;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;
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
        services.AddOptions<RulesOptions>().Bind(configuration.GetSection(RulesOptions.SectionName)).ValidatedBy<RulesOptions, RulesSettingsCheck>();
        services.AddOptions<DeskContactOptions>().Bind(configuration.GetSection(DeskContactOptions.SectionName)).ValidatedBy<DeskContactOptions, DeskContactSettingsCheck>();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section)).ValidateOnStart();
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.Section)).ValidatedBy<StaffOptions, StaffSettingsCheck>();
        services.AddOptions<ReferenceDataOptions>().Bind(configuration).ValidatedBy<ReferenceDataOptions, ReferenceDataSettingsCheck>();
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section))
            .PostConfigure(o => o.OutboxFolder = Path.GetFullPath(Path.Combine(basePath, o.OutboxFolder)))
            .ValidatedBy<JobsOptions, JobsSettingsCheck>();
        services.AddOptions<FaxInboxOptions>().Bind(configuration.GetSection(FaxInboxOptions.Section)).PostConfigure(o =>
        {
            o.DropFolder = Path.GetFullPath(Path.Combine(basePath, o.DropFolder));
            o.ArchiveFolder = Path.GetFullPath(Path.Combine(basePath, o.ArchiveFolder));
            o.QuarantineFolder = Path.GetFullPath(Path.Combine(basePath, o.QuarantineFolder));
        }).ValidatedBy<FaxInboxOptions, FaxInboxSettingsCheck>();
        services.AddOptions<FaxRecognitionOptions>().Bind(configuration.GetSection(FaxRecognitionOptions.Section));
        services.AddOptions<WarehouseOptions>().Bind(configuration.GetSection(WarehouseOptions.Section)).PostConfigure(o =>
        {
            o.ResultsFolder = Path.GetFullPath(Path.Combine(basePath, o.ResultsFolder));
            o.StockFolder = Path.GetFullPath(Path.Combine(basePath, o.StockFolder));
            o.ArchiveFolder = Path.GetFullPath(Path.Combine(basePath, o.ArchiveFolder));
            o.QuarantineFolder = Path.GetFullPath(Path.Combine(basePath, o.QuarantineFolder));
        });
        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.Section)).ValidatedBy<FollowUpOptions, FollowUpSettingsCheck>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConsoleMetrics>();
        services.AddSmartOfficePersistence(basePath);
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DemoDataGenerator>();
        services.AddSingleton<BusinessClock>();
        services.AddSingleton<BusinessCalendarCache>();
        services.AddScoped<BusinessCalendarService>();
        services.AddScoped<RegionSettingsService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<PurchaseDataService>();
        services.AddScoped<EcoReportService>();
        services.AddScoped<OperationsReportService>();
        services.AddSingleton<ExportTracker>();
        services.AddScoped<WebUserSignInService>();
        services.AddScoped<WebUserLockoutService>();
        services.AddSingleton<SchedulingChanges>();
        services.AddSingleton<CutoffSchedule>();
        services.AddSingleton<ShippingInstructionWriter>();
        services.AddSingleton<CutoffBatchService>();
        services.AddSingleton<PointExpiryService>();
        services.AddScoped<JobRunService>();
        services.AddScoped<CustomerAccountService>();
        services.AddScoped<CustomerRegistrationService>();
        services.AddScoped<ApprovalEvaluator>();
        services.AddScoped<FaxOrderService>();
        services.AddScoped<OrderSearchService>();
        services.AddScoped<ProductEnquiryService>();
        services.AddScoped<QuoteService>();
        services.AddScoped<CustomerPanelService>();
        services.AddScoped<Auditing.AuditTrailService>();
        services.AddScoped<PointAccountService>();
        services.AddScoped<BalanceRequestService>();
        services.AddScoped<PrizeCatalogService>();
        services.AddScoped<PrizeApplicationService>();
        services.AddScoped<ReturnSlipService>();
        services.AddSingleton<FaxInboxChanges>();
        services.AddSingleton<FaxIntakeStatus>();
        services.AddSingleton<FaxIntakeService>();
        services.AddScoped<FaxInboxService>();
        services.AddScoped<FaxInboxLink>();
        services.AddSingleton<FaxRecognitionStatus>();
        services.AddSingleton<FaxRecognitionRunner>();
        services.AddScoped<FaxRecognitionService>();
        services.AddScoped<OrderFormPrintService>();
        services.AddSingleton<StaffSessionStore>();
        services.AddScoped<StaffAdministrationService>();
        services.AddScoped<StaffPasswordService>();
        services.AddSingleton<WarehouseResultsImport>();
        services.AddSingleton<StockReceiptImport>();
        services.AddScoped<StockService>();
        services.AddScoped<WarehouseService>();
        services.AddScoped<BackOrderService>();
        services.AddSingleton<DeliveryJobService>();
        services.AddScoped<DeliveryDateService>();
        services.AddScoped<OrderShipmentsService>();
        services.AddSingleton<DemoWarehouse>();
        services.AddScoped<StockOutNoticeService>();
        services.AddScoped<SpecialOrderService>();
        services.AddScoped<FollowUpService>();
        return services;
    }

    /// <summary>Checks the section with <typeparamref name="TCheck"/> when the host starts.</summary>
    private static OptionsBuilder<TOptions> ValidatedBy<TOptions, TCheck>(this OptionsBuilder<TOptions> options)
        where TOptions : class where TCheck : class, IValidateOptions<TOptions>
    {
        options.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TCheck>());
        return options.ValidateOnStart();
    }
}
