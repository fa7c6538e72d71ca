using System.Runtime.InteropServices;

namespace SmartOffice.Bench;

/// <summary>What the figures ran on: absolute times mean little without the machine and its load (shared machines drift).</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"Machine: {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, " +
               $"{memory:0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; " +
               $"load average {LoadAverage()} at {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}";
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), or "n/a".</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
