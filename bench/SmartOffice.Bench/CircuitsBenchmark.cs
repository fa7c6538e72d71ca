using System.Globalization;
using System.Text.Json;
using SmartOffice.Bench.Circuits;

namespace SmartOffice.Bench;

/// <summary>
/// <c>circuits</c>: how many desk agents one server core serves. The console (this Release build, standard demo data) runs in
/// a process pinned to core 0 (<see cref="CircuitsServer"/>); the load client — a Blazor protocol client, no browser — runs
/// pinned to core 1 (<see cref="CircuitsLoad"/>). At 10, 30, 60, 150 and 300 circuits, each agent signed in with its own
/// account and holding the entry form with 20 pasted lines changes a quantity about every 1.5 s: change → summary p50, p95 and
/// p99 taken on the client, the server's CPU time per change, and the server's GC heap after forced collections (the slope
/// over the steps is the heap per circuit). The knee is the most circuits with p95 &lt; 100 ms (every smaller step under it
/// too). Chromium at 10 circuits checks that a real browser sees the same. Targets: p95 &lt; 50 ms at 60, &lt; 1.0 MiB per
/// circuit, knee ≥ 150. No same-run baseline: reported absolute. <c>BENCH_CIRCUITS_STEPS=10,30</c> runs other steps.
/// </summary>
internal sealed class CircuitsBenchmark : IBenchmark
{
    private static readonly int[] Steps = [10, 30, 60, 150, 300];
    private const int TargetStep = 60;
    private const double TargetP95Milliseconds = 50;
    private const double TargetMiBPerCircuit = 1.0;
    private const double KneeP95Milliseconds = 100;
    private const int TargetKnee = 150;

    public bool UsesDemoData => false;

    public async Task<IReadOnlyList<BenchResult>> RunAsync(IServiceProvider? services, int runs, CancellationToken cancellationToken)
    {
        var steps = Environment.GetEnvironmentVariable("BENCH_CIRCUITS_STEPS") is { Length: > 0 } custom
            ? custom.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : Steps;
        var resultsFile = Path.Combine(Path.GetTempPath(), $"circuits-{Environment.ProcessId}.json");
        await using (var client = PinnedProcess.Start(1, null, false, CircuitsLoad.Command, resultsFile, string.Join(',', steps)))
        {
            await client.WaitForExitAsync(cancellationToken);
            if (client.ExitCode != 0)
                throw new InvalidOperationException($"The circuits load client stopped with exit code {client.ExitCode}.");
        }
        var results = JsonSerializer.Deserialize<CircuitsLoad.Results>(await File.ReadAllTextAsync(resultsFile, cancellationToken),
            CircuitsLoad.ResultsJson)!;
        File.Delete(resultsFile);
        if (results.NotPinned is { } why)
            global::System.Console.WriteLine($"Warning: server and client were not pinned to cores of their own ({why}).");

        var rows = new List<BenchResult>();
        foreach (var step in results.Steps)
        {
            rows.Add(BenchResult.Absolute($"circuits {step.Circuits} change→summary p50", step.P50, "ms", null));
            rows.Add(BenchResult.Absolute($"circuits {step.Circuits} change→summary p95", step.P95, "ms",
                step.Circuits == TargetStep ? TargetP95Milliseconds : null));
            rows.Add(BenchResult.Absolute($"circuits {step.Circuits} change→summary p99", step.P99, "ms", null));
            rows.Add(BenchResult.Absolute($"circuits {step.Circuits} server CPU per change", step.ServerCpuMsPerChange, "ms", null));
        }
        var slope = Slope(results.Steps.Select(s => (s.Circuits, s.HeapMiB)).ToList());
        global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GC heap per circuit (slope over {string.Join(", ", results.Steps.Select(s => s.Circuits))}): {slope:0.000} MiB; target " +
                $"< {TargetMiBPerCircuit} MiB"));
        rows.Insert(0, BenchResult.Absolute("circuits heap per circuit", slope, "MiB", TargetMiBPerCircuit));
        var knee = results.Steps.TakeWhile(s => s.P95 < KneeP95Milliseconds && s.FailedChanges == 0).Select(s => s.Circuits)
            .DefaultIfEmpty(0).Max();
        global::System.Console.WriteLine(
            $"Knee (most circuits with p95 < {KneeP95Milliseconds} ms on one server core): {knee}; target ≥ {TargetKnee}");
        rows.Insert(1, BenchResult.AtLeast("circuits knee (p95 < 100 ms)", knee, "circuits", TargetKnee));
        if (results.ChromiumP95 is { } chromium)
            rows.Add(BenchResult.Absolute("circuits chromium 10 change→summary p95", chromium, "ms", null));
        // A step in which no change was made at all has no percentiles (latest.json holds numbers only).
        return rows.Where(r => double.IsFinite(r.Value)).ToList();
    }

    private static double Slope(IReadOnlyList<(int X, double Y)> points)
    {
        if (points.Count < 2)
            return double.NaN;
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        return points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
    }
}
