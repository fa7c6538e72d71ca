using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using MudBlazor;
using MudBlazor.Services;
using SmartOffice.Console.FaxInbox;
using SmartOffice.Console.Jobs;
using SmartOffice.Console.Staff;
using SmartOffice.Domain;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Hosting;

internal static class ServiceRegistration
{
    /// <summary>The same on every instance: Data Protection isolates key rings by application name (else by content root path).</summary>
    public const string DataProtectionApplicationName = "SmartOffice.Console";

    public static void AddSmartOfficeServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // An unpublished build (dotnet run) serves MudBlazor's and Blazor's assets in every environment, Production too;
        // a published app has no such manifest and serves its own copies.
        builder.WebHost.UseStaticWebAssets();
        // Settings are read through options when services are resolved, never here: a test host's
        // configuration is only complete once the host is built.
        services.AddSmartOfficeDomain(builder.Configuration, builder.Environment.ContentRootPath);

        builder.AddStaffAuthentication();
        builder.AddSmartOfficeTelemetry();
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        services.AddScoped<JobControl>();
        services.AddHostedService<FaxInboxWatcher>();
        services.AddHostedService<FaxRecognitionWorker>();
        services.AddHostedService<SmartOffice.Console.Warehouse.WarehouseResultsWatcher>();
        services.AddHostedService<SmartOffice.Console.Warehouse.DemoWarehouseWorker>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddSingleton<OpenCircuits>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitRegistration>();
        services.AddHostedService<CircuitShutdown>();
        services.AddMudServices(c =>
        {
            c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            c.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddScoped<Components.Shared.HistoryFormatter>();
        services.AddScoped<Components.Pages.Ordering.OrderEntryHandOff>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(UiCulture.Japanese)
             .AddSupportedCultures(UiCulture.Supported)
             .AddSupportedUICultures(UiCulture.Supported);
            // Only the user's explicit choice (cookie) switches language; the console is Japanese by default.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // Japanese stays readable in the HTML instead of &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Keys in the application database under one application name: sign-in cookies survive a restart, and every
        // console instance on the same database (several behind a load balancer) reads the cookies of the others.
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<SmartOfficeDbContext>();
        services.AddOperatorHealth();
        services.AddProductionSafety();
        // One year, as browsers' preload lists expect; sent in Production only (see Pipeline).
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddCascadingAuthenticationState();
    }
}
