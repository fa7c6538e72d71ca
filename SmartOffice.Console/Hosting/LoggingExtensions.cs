using Serilog;

namespace SmartOffice.Console.Hosting;

internal static class LoggingExtensions
{
    /// <summary>Serilog from the "Serilog" section; relative file paths resolve against the content root.</summary>
    public static void AddSmartOfficeLogging(this WebApplicationBuilder builder)
    {
        foreach (var sink in builder.Configuration.GetSection("Serilog:WriteTo").GetChildren())
        {
            var path = sink["Args:path"];
            if (!string.IsNullOrEmpty(path) && !Path.IsPathRooted(path))
                sink["Args:path"] = Path.Combine(builder.Environment.ContentRootPath, path);
        }
        Log.Logger = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration).CreateLogger();
        builder.Services.AddSerilog();
    }
}
