using Serilog;

namespace SmartOffice.Console.Hosting;

internal static class LoggingExtensions
{
    /// <summary>
    /// Serilog from the "Serilog" section, read when the host is built (so a test host's settings apply);
    /// relative file paths resolve against the content root. Until then a console logger reports start-up. The host's logger
    /// is its own (not the static one), so another host in the same process (tests) stopping never closes it.
    /// </summary>
    public static void AddSmartOfficeLogging(this WebApplicationBuilder builder)
    {
        Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
        builder.Services.AddSerilog((services, logger) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var contentRoot = services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
            foreach (var sink in configuration.GetSection("Serilog:WriteTo").GetChildren())
            {
                var path = sink["Args:path"];
                if (!string.IsNullOrEmpty(path) && !Path.IsPathRooted(path))
                    sink["Args:path"] = Path.Combine(contentRoot, path);
            }
            // Sinks registered as services join the configured ones (none in the app; a test's capture).
            logger.ReadFrom.Configuration(configuration).ReadFrom.Services(services);
        }, preserveStaticLogger: true);
    }
}
