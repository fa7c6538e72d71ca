using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// The console's own build output started as an operator starts it (<c>dotnet SmartOffice.Console.dll</c>), in a folder of
/// its own, on a SQLite file of the test's. <see cref="Kill"/> is SIGKILL: no shutdown, no flush, no finally.
/// Its standard output is read line by line as it comes, so a test can wait for a line or kill the process on one.
/// </summary>
public sealed partial class ConsoleProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly StringBuilder _stdout = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen, bool Kill)> _watches = [];
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ConsoleProcess(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    /// <param name="folder">Working folder (logs, outbox); <paramref name="database"/> the SQLite file.</param>
    public static ConsoleProcess Start(string folder, string database, IReadOnlyDictionary<string, string>? environment,
        params string[] arguments) =>
        Start(folder, database, environment, [], arguments);

    /// <summary>
    /// The console with its address space limited to <paramref name="bytes"/> (util-linux's <c>prlimit --as</c>): an
    /// allocation beyond it fails in that process, never in the test host or the rest of the machine.
    /// </summary>
    /// <remarks>
    /// Address space, not memory: glibc reserves 64 MB of it for each malloc arena, up to 8 per core, as threads first
    /// allocate — under a loaded machine enough of them did to use the limit up and kill the console silently at its first
    /// scan. <c>MALLOC_ARENA_MAX=2</c> keeps that reservation fixed, so the limit is left to what the test measures.
    /// </remarks>
    public static ConsoleProcess StartWithMemoryLimit(long bytes, string folder, string database,
        IReadOnlyDictionary<string, string>? environment,
        params string[] arguments) =>
        Start(folder, database,
            new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["MALLOC_ARENA_MAX"] = "2" },
            ["prlimit", $"--as={bytes}", "--"], arguments);

    private static ConsoleProcess Start(string folder, string database, IReadOnlyDictionary<string, string>? environment, string[] wrapper,
        string[] arguments)
    {
        // The app's own build output (same configuration as this test build).
        var appFolder = AppContext.BaseDirectory.Replace("SmartOffice.Console.Tests", "SmartOffice.Console", StringComparison.Ordinal);
        string[] command = [.. wrapper, "dotnet", Path.Combine(appFolder, "SmartOffice.Console.dll"), .. arguments];
        var start = new ProcessStartInfo(command[0], command[1..])
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
        return new ConsoleProcess(start);
    }

    /// <summary>
    /// The web server for a browser (Development serves the static web assets of the unpublished build, docs/stack-pitfalls.md pitfall 7),
    /// its temp folder set to <paramref name="temp"/> when given. Await <see cref="ListeningAsync"/> for its address.
    /// </summary>
    public static ConsoleProcess StartServer(string folder, string database, string? temp = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var settings = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" };
        if (temp is not null)
            settings["TMPDIR"] = temp;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            settings[key] = value;
        return Start(folder, database, settings);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything written to standard output so far.</summary>
    public string Output
    {
        get
        {
            lock (_stdout)
                return _stdout.ToString();
        }
    }

    /// <summary>SIGKILL on Linux.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>The address Kestrel listens on, from its start-up line.</summary>
    public async Task<Uri> ListeningAsync(TimeSpan timeout)
    {
        var line = await WaitForLineAsync(l => l.Contains("Now listening on: ", StringComparison.Ordinal), timeout);
        return new Uri(ListeningAddress().Match(line).Groups[1].Value + "/");
    }

    /// <summary>The first line of output (from now on) that matches, or a failure with the output when none came in time.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        try
        {
            return await Watch(match, kill: false).WaitAsync(timeout);
        }
        catch (Exception e) when (e is TimeoutException or EndOfStreamException)
        {
            throw new InvalidOperationException(
                $"The line did not come ({e.Message}{await ExitStatusAsync()}). Output:\n{Output}{await StderrSoFarAsync()}");
        }
    }

    /// <summary>", exit code N" once the process has ended (137: SIGKILL, 134: abort, 139: segmentation fault), else nothing.</summary>
    private async Task<string> ExitStatusAsync()
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            return $", exit code {_process.ExitCode}";
        }
        catch (TimeoutException)
        {
            return "";
        }
    }

    /// <summary>
    /// SIGKILLs the process the moment it writes a matching line — on the thread that reads its output, before anything
    /// else of the test runs. The task ends with that line.
    /// </summary>
    public Task<string> KillOnLine(Func<string, bool> match) => Watch(match, kill: true);

    private Task<string> Watch(Func<string, bool> match, bool kill)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_stdout)
            _watches.Add((match, seen, kill));
        return seen.Task;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            lock (_stdout)
            {
                foreach (var watch in _watches)
                    watch.Seen.TrySetException(new EndOfStreamException("the process ended"));
                _watches.Clear();
            }
            _stdoutClosed.TrySetResult();
            return;
        }
        List<(Func<string, bool> Match, TaskCompletionSource<string> Seen, bool Kill)> matched;
        lock (_stdout)
        {
            _stdout.AppendLine(line);
            matched = _watches.Where(w => w.Match(line)).ToList();
            _watches.RemoveAll(matched.Contains);
        }
        if (matched.Any(w => w.Kill))
        {
            try
            {
                Kill();
            }
            catch (InvalidOperationException)
            {
                // It ended by itself meanwhile.
            }
        }
        foreach (var watch in matched)
            watch.Seen.TrySetResult(line);
    }

    public async Task<(int ExitCode, string Output)> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            await _stdoutClosed.Task.WaitAsync(cancel.Token);
        }
        finally
        {
            if (!_process.HasExited)
                Kill();
        }
        return (_process.ExitCode, Output + await _stderr);
    }

    private async Task<string> StderrSoFarAsync() => _stderr.IsCompleted ? await _stderr : "";

    public void Dispose()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningAddress();
}
