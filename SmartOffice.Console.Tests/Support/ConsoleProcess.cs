using System.Diagnostics;

namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// The console's own build output started as an operator starts it (<c>dotnet SmartOffice.Console.dll</c>), in a folder of
/// its own, on a SQLite file of the test's. <see cref="Kill"/> is SIGKILL: no shutdown, no flush, no finally.
/// </summary>
public sealed class ConsoleProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout, _stderr;

    private ConsoleProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <param name="folder">Working folder (logs, outbox); <paramref name="database"/> the SQLite file.</param>
    public static ConsoleProcess Start(string folder, string database, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        // The app's own build output (same configuration as this test build).
        var appFolder = AppContext.BaseDirectory.Replace("SmartOffice.Console.Tests", "SmartOffice.Console", StringComparison.Ordinal);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appFolder, "SmartOffice.Console.dll"), .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["Database__ConnectionString"] = $"Data Source={database}";
        start.Environment["Jobs__SchedulerEnabled"] = "false";
        start.Environment["Jobs__OutboxFolder"] = Path.Combine(folder, "outbox");
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(folder, "logs", "console-.log");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        return new ConsoleProcess(Process.Start(start)!);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL on Linux.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async Task<(int ExitCode, string Output)> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        finally
        {
            if (!_process.HasExited)
                Kill();
        }
        return (_process.ExitCode, await _stdout + await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
    }
}
