using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using MudBlazor;
using MudBlazor.Services;
using SmartOffice.Console.Staff;
using SmartOffice.Domain;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Hosting;

internal static class ServiceRegistration
{
    public static void AddSmartOfficeServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSmartOfficeDomain(builder.Configuration, database, builder.Environment.ContentRootPath);

        builder.AddStaffAuthentication();

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
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(
            Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["DataProtection:KeysFolder"] ?? "data/keys")));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddCascadingAuthenticationState();
    }
}
