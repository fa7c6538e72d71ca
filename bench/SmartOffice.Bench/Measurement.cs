using System.Diagnostics;
using System.Globalization;

namespace SmartOffice.Bench;

/// <summary>
/// Timings of one operation: warm-up runs are dropped, then every run is kept for percentiles. <see cref="CpuMilliseconds"/>
/// is the process's CPU time per run (the runs are sequential): on a machine shared with other builds the wall-clock
/// percentiles mostly measure waiting for a core, the CPU time what the operation costs.
/// </summary>
internal sealed class Measurement(string label)
{
    private readonly List<double> _milliseconds = [];

    public string Label { get; } = label;

    /// <summary>Mean CPU time of the process per measured run, ms (its GC and JIT threads included).</summary>
    public double CpuMilliseconds { get; private set; }

    public static async Task<Measurement> RunAsync(string label, int warmup, int runs, Func<int, Task> operation)
    {
        var measurement = new Measurement(label);
        for (var i = 0; i < warmup; i++)
            await operation(i);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(warmup + i);
            measurement._milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        process.Refresh();
        measurement.CpuMilliseconds = (process.TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, runs);
        return measurement;
    }

    /// <summary>Nearest-rank percentile (p in 0–100).</summary>
    public double Percentile(double p) => Percentile(_milliseconds, p);

    /// <summary>Nearest-rank percentile (p in 0–100) of any samples; NaN for none.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public double P50 => Percentile(50);
    public double P95 => Percentile(95);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Label,-44} p50 {P50,8:0.000} ms   p95 {P95,8:0.000} ms   CPU {CpuMilliseconds,7:0.000} ms/run   ({_milliseconds.Count} " +
            $"runs)");
}
