using Serilog;
using SmartOffice.Console.Hosting;
using SmartOffice.Domain.Persistence;

// The repository-root appsettings.json (or the one beside a published app) sets the content root,
// so data/ and logs/ land beside it.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = SettingsHome.Locate(),
});
builder.AddSmartOfficeLogging();

try
{
    builder.AddSmartOfficeServices();
    var app = builder.Build();
    if (await app.RunCommandAsync(args))
        return Environment.ExitCode;
    await app.InitializeDatabaseAsync();
    app.UseSmartOfficePipeline();
    await app.RunAsync();
    return 0;
}
catch (StartupConfigurationException e)
{
    // A wrong setting is one clear line, not a stack trace wall.
    Log.Fatal("Start-up stopped: {Reason}", e.Message);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
