using Serilog;
using SmartOffice.Console.Components;
using SmartOffice.Console.Reporting;
using SmartOffice.Console.Staff;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Hosting;

internal static class Pipeline
{
    public static Task InitializeDatabaseAsync(this WebApplication app, bool withDemoData = true) =>
        app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(withDemoData, app.Lifetime.ApplicationStopping);

    public static void UseSmartOfficePipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseSerilogRequestLogging();
        app.UseRequestLocalization();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapStaffEndpoints();
        app.MapReportEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
