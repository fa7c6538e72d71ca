using SmartOffice.Console.Tests.Support;

namespace SmartOffice.Console.Tests.Jobs;

/// <summary>
/// The console with its Quartz scheduler firing, on a database file that outlives one app instance so a test can stop
/// the console, let cutoffs pass and start it again on the same data. No demo data (faster).
/// </summary>
public sealed class SchedulingApp(string databaseFile, bool firing) : ConsoleApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:ConnectionString"] = $"Data Source={databaseFile}",
        ["Demo:Enabled"] = "false",
        ["Jobs:SchedulerEnabled"] = firing ? "true" : "false",
        ["Jobs:SchedulerName"] = "SmartOffice",
    };
}

/// <summary>The console with demo data and its scheduler firing (the shared browser-test console keeps it in standby).</summary>
public sealed class FiringConsoleApp : ConsoleApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:SchedulerEnabled"] = "true" };
}
