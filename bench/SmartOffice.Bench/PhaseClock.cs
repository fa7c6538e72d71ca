using System.Diagnostics;
using System.Globalization;

namespace SmartOffice.Bench;

/// <summary>
/// Where a run's time goes: each phase (the build, a data preparation, each benchmark) with its wall clock and the runner's
/// processor time, printed when it ends and once more under the table, so a slow run shows which part grew
/// (docs/performance.md). A benchmark's child processes count in its wall clock, not in the CPU column.
/// </summary>
internal sealed class PhaseClock
{
    private readonly List<(string Name, TimeSpan Wall, TimeSpan? Cpu)> _phases = [];

    /// <summary>A phase timed outside the runner, e.g. bench.sh's build (BENCH_BUILD_SECONDS).</summary>
    public void Add(string name, TimeSpan wall) => _phases.Add((name, wall, null));

    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> phase)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var result = await phase();
        var wall = Stopwatch.GetElapsedTime(start);
        process.Refresh();
        _phases.Add((name, wall, process.TotalProcessorTime - cpu));
        global::System.Console.WriteLine($"-- {name}: {Format(wall, process.TotalProcessorTime - cpu)}");
        return result;
    }

    /// <summary>One line per phase, longest first, for the footer.</summary>
    public string Footer() => "Time per phase: " + string.Join("; ",
        _phases.OrderByDescending(p => p.Wall).Select(p => $"{p.Name} {Format(p.Wall, p.Cpu)}"));

    private static string Format(TimeSpan wall, TimeSpan? cpu) => string.Create(CultureInfo.InvariantCulture,
        $"{Seconds(wall)}{(cpu is { } c ? $" (runner CPU {Seconds(c)})" : "")}");

    private static string Seconds(TimeSpan t) => t.TotalSeconds < 90
        ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes} min {t.Seconds:00} s");
}
