using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using MudBlazor;
using MudBlazor.Services;
using SmartOffice.Console.FaxInbox;
using SmartOffice.Console.Jobs;
using SmartOffice.Console.Staff;
using SmartOffice.Domain;

namespace SmartOffice.Console.Hosting;

internal static class ServiceRegistration
{
    public static void AddSmartOfficeServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Settings are read through options when services are resolved, never here: a test host's
        // configuration is only complete once the host is built.
        services.AddSmartOfficeDomain(builder.Configuration, builder.Environment.ContentRootPath);

        builder.AddStaffAuthentication();
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        services.AddScoped<JobControl>();
        services.AddHostedService<FaxInboxWatcher>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(c =>
        {
            c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            c.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        services.AddLocalization(o => o.ResourcesPath = "Resources");
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
        // Keys on disk, so sign-in cookies survive a restart.
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, IWebHostEnvironment, ILoggerFactory>((o, config, env, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(env.ContentRootPath, config["DataProtection:KeysFolder"] ?? "data/keys")), logs));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddCascadingAuthenticationState();
    }
}
