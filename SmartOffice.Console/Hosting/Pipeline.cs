using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Serilog;
using SmartOffice.Console.Components;
using SmartOffice.Console.FaxInbox;
using SmartOffice.Console.Reporting;
using SmartOffice.Console.Staff;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Hosting;

internal static class Pipeline
{
    /// <summary>Settings first (a wrong one stops here, before the database or any command), then the database.</summary>
    public static Task InitializeDatabaseAsync(this WebApplication app, bool withDemoData = true)
    {
        app.ValidateSettings();
        return app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(withDemoData, app.Lifetime.ApplicationStopping);
    }

    public static void UseSmartOfficePipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        // Browsers keep to HTTPS for a year once they have seen the console over it (localhost excepted).
        if (app.Environment.IsProduction())
            app.UseHsts();
        app.UseSerilogRequestLogging();
        app.UseRequestLocalization();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseAntiforgery();
        // The antiforgery middleware only marks a request; endpoints without form binding (sign-out, keepalive) or without
        // a form handler would still run. Every post whose token is missing or wrong stops here (ASVS 3.5.1).
        app.Use((http, next) =>
        {
            if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false })
                return next(http);
            // Answered here: a status page re-executed for this post would read the refused form.
            http.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            return Results.Text("The form's antiforgery token is missing or invalid: reload the page and try again.",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
        });

        app.MapStaticAssets().AllowAnonymous();
        app.MapOperatorHealth();
        app.MapStaffEndpoints();
        app.MapReportEndpoints();
        app.MapListExports();
        app.MapFaxInboxEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
