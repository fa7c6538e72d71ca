using Microsoft.AspNetCore.Identity;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Hosting;

/// <summary>
/// Command-line tasks that run instead of the web server:
/// <c>create-admin USER "DISPLAY NAME"</c> (password from SMARTOFFICE_ADMIN_PASSWORD),
/// <c>demo-data large|standard</c> and <c>run-job NAME</c> (one scheduled job now, e.g. after an outage: <c>point-expiry</c>
/// or a cutoff such as <c>cutoff-fax-Honshu</c>; idempotent like every run).
/// </summary>
internal static class Commands
{
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "create-admin":
                // Never demo data: a production install's first account is its only one.
                await app.InitializeDatabaseAsync(withDemoData: false);
                await CreateAdministratorAsync(app, args);
                return true;
            case "demo-data":
                await app.InitializeDatabaseAsync(withDemoData: false);
                var size = Enum.Parse<DemoSize>(args.ElementAtOrDefault(1) ?? nameof(DemoSize.Standard), ignoreCase: true);
                var seed = app.Configuration.GetValue("Demo:Seed", 20261125);
                await app.Services.GetRequiredService<DemoDataGenerator>().GenerateAsync(size, seed, app.Lifetime.ApplicationStopping);
                return true;
            case "run-job":
                await app.InitializeDatabaseAsync(withDemoData: false);
                await RunJobAsync(app, args.ElementAtOrDefault(1));
                return true;
            default:
                return false;
        }
    }

    private static async Task RunJobAsync(WebApplication app, string? jobName)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SmartOffice.Console.Commands");
        var run = jobName switch
        {
            PointExpiryService.JobName =>
                await app.Services.GetRequiredService<PointExpiryService>().RunAsync(JobRunTrigger.Manual, CommandLine),
            not null when jobName.StartsWith(CutoffDefinition.Prefix, StringComparison.Ordinal) =>
                await app.Services.GetRequiredService<CutoffBatchService>().RunAsync(jobName, JobRunTrigger.Manual, CommandLine),
            _ => null,
        };
        if (run is null)
        {
            log.LogError("Usage: run-job {PointExpiry}|{CutoffPrefix}… (the names on the jobs page)", PointExpiryService.JobName,
                CutoffDefinition.Prefix);
            Environment.ExitCode = 2;
            return;
        }
        log.LogInformation("Job {Job}: {Outcome}, {Batches} batches, {Items} items. {Detail}", run.JobName, run.Outcome, run.Batches,
            run.Items, run.Detail);
        if (run.Outcome == JobRunOutcome.Failed)
            Environment.ExitCode = 1;
    }

    /// <summary>Who ran a job from the command line, as the job run records it.</summary>
    private const string CommandLine = "command-line";

    private static async Task CreateAdministratorAsync(WebApplication app, string[] args)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SmartOffice.Console.Commands");
        var userName = args.ElementAtOrDefault(1);
        var password = Environment.GetEnvironmentVariable("SMARTOFFICE_ADMIN_PASSWORD");
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            log.LogError("Usage: create-admin USER [\"DISPLAY NAME\"] with the password in SMARTOFFICE_ADMIN_PASSWORD");
            Environment.ExitCode = 2;
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = userName, DisplayName = args.ElementAtOrDefault(2) ?? userName, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
            result = await users.AddToRoleAsync(user, StaffRoles.Administrator);
        if (result.Succeeded)
            log.LogInformation("Administrator {UserName} created", userName);
        else
        {
            log.LogError("Administrator not created: {Errors}", string.Join(" ", result.Errors.Select(e => e.Description)));
            Environment.ExitCode = 1;
        }
    }
}
