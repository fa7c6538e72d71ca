using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace SmartOffice.Bench.Circuits;

/// <summary>
/// The load client (<c>SmartOffice.Bench circuits-client RESULTS STEPS</c>, started pinned to the core the server is not on):
/// starts the server (<see cref="CircuitsServer"/>) on the other core, then at each step opens desk agents up to the step's
/// count (<see cref="DeskAgent"/>), lets them key until the server's JIT is quiet, reads the server's heap after forced collections, and
/// lets every agent change a quantity about every 1.5 s for <see cref="KeyingTime"/>, timing change → summary on its side; the
/// server's CPU time and this process's own are read around that keying. Before the first step, ten agents key until the
/// server's JIT is quiet. Then the agents leave and the Chromium check runs at 10 circuits. The figures go
/// to RESULTS as JSON for the runner.
/// </summary>
internal static class CircuitsLoad
{
    public const string Command = "circuits-client";
    /// <summary>How long agents key at each step (<c>BENCH_CIRCUITS_SECONDS</c> overrides it, e.g. to take a CPU trace).</summary>
    private static readonly TimeSpan KeyingTime = TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("BENCH_CIRCUITS_SECONDS"), CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : 20);
    private static readonly TimeSpan ThinkTime = TimeSpan.FromSeconds(1.5);
    /// <summary>
    /// Unmeasured keying in slices of this length until the server compiles few new methods in one (see <see cref="SettleAsync"/>).
    /// </summary>
    private static readonly TimeSpan SettleSlice = TimeSpan.FromSeconds(5);
    private const int QuietJitMethods = 25;
    /// <summary>The fewest slices keyed before measuring: the first warm-up, then each step (tiering starts late on a busy core).</summary>
    private const int WarmUpSlices = 6;
    private const int StepSlices = 2;
    private const int MaxSettleSlices = 12;
    private const int WarmUpAgents = 10;
    private const int OpeningAtOnce = 10;

    public sealed record Step(int Circuits, int Changes, int FailedChanges, double P50, double P95, double P99, double ServerCpuMsPerChange,
        double HeapMiB, double ClientCpuMsPerAgentSecond, double ClientCpuMsPerChange, double OpeningSeconds, string Load);

    public sealed record Results(IReadOnlyList<Step> Steps, double? ChromiumP95, int ChromiumChanges, string? NotPinned);

    /// <summary>The results file between the client and the runner (a step without a single change has NaN percentiles).</summary>
    public static readonly JsonSerializerOptions ResultsJson = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<int> RunAsync(string resultsFile, IReadOnlyList<int> steps, bool chromium, CancellationToken cancellationToken)
    {
        // Each phase's wall clock is printed, so a slow run shows where its minutes went (docs/performance.md).
        var phase = Stopwatch.StartNew();
        await using var server = PinnedProcess.Start(0, CircuitsServer.AnswerPrefix, commands: true,
            CircuitsServer.Command, steps[^1].ToString(CultureInfo.InvariantCulture));
        var ready = await server.ReadAsync(cancellationToken);
        var setup = JsonSerializer.Deserialize<CircuitsServer.Setup>(ready["ready ".Length..])!;
        global::System.Console.WriteLine(
            $"Server up at {setup.BaseAddress} ({steps[^1]} agent accounts) in {phase.Elapsed.TotalSeconds:0} s; " +
            $"load client pinned: {PinnedProcess.NotPinned ?? "yes, server core 0, client core 1"}");
        phase.Restart();

        // Warm-up: ten agents key until the server's JIT is quiet, and leave, so that the steps measure the server's steady state.
        // Until its hot paths are recompiled optimised (tiered JIT), a change costs the server several times the CPU.
        var warmUp = Math.Min(WarmUpAgents, steps[^1]);
        var warming = await Task.WhenAll(Enumerable.Range(steps[^1] - warmUp, warmUp)
            .Select(i => DeskAgent.OpenAsync(setup, i, cancellationToken)));
        await SettleAsync(server, warming, WarmUpSlices, new Random(1), cancellationToken);
        global::System.Console.WriteLine("Warm-up agents' interop calls answered: " +
            string.Join(", ", warming[0].Client.InteropCalls.Select(c => $"{c.Key} ×{c.Value}")));
        await Task.WhenAll(warming.Select(a => a.DisposeAsync().AsTask()));
        global::System.Console.WriteLine($"Warm-up done in {phase.Elapsed.TotalSeconds:0} s");
        phase.Restart();

        var agents = new List<DeskAgent>();
        var accounts = 0;
        var results = new List<Step>();
        var random = new Random(20261125);
        try
        {
            foreach (var count in steps)
            {
                // Agents whose circuit failed at the step before leave; others take their place.
                foreach (var gone in agents.Where(a => a.Client.Failure is not null).ToList())
                {
                    agents.Remove(gone);
                    await gone.DisposeAsync();
                }
                var opening = Stopwatch.StartNew();
                while (agents.Count < count)
                {
                    var batch = Enumerable.Range(accounts, Math.Min(OpeningAtOnce, count - agents.Count))
                        .Select(i => DeskAgent.OpenAsync(setup, i % setup.UserNames.Count, cancellationToken)).ToList();
                    accounts += batch.Count;
                    agents.AddRange(await Task.WhenAll(batch));
                }
                var openingSeconds = opening.Elapsed.TotalSeconds;
                global::System.Console.WriteLine($"{count,3} circuits open in {openingSeconds:0} s; " +
                    $"keying until the server's JIT is quiet, then {KeyingTime.TotalSeconds:0} s measured…");
                await SettleAsync(server, agents, StepSlices, random, cancellationToken);
                var heap = double.Parse(await server.AskAsync("heap", cancellationToken), CultureInfo.InvariantCulture) / 1048576.0;
                var load = Machine.LoadAverage();
                var serverCpu = await ServerCpuAsync(server, cancellationToken);
                var clientCpu = ClientCpu();
                var (latencies, failed) = await KeyAsync(agents, KeyingTime, random, cancellationToken);
                var serverCpuMs = await ServerCpuAsync(server, cancellationToken) - serverCpu;
                var clientCpuMs = ClientCpu() - clientCpu;
                var step = new Step(count, latencies.Count, failed,
                    Measurement.Percentile(latencies, 50), Measurement.Percentile(latencies, 95), Measurement.Percentile(latencies, 99),
                    serverCpuMs / Math.Max(1, latencies.Count), heap,
                    clientCpuMs / count / KeyingTime.TotalSeconds, clientCpuMs / Math.Max(1, latencies.Count), openingSeconds, load);
                results.Add(step);
                global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{count,3} circuits: change → summary p50 {step.P50,6:0.0} ms  p95 {step.P95,6:0.0} ms  p99 {step.P99,6:0.0} ms " +
                    $"({step.Changes} changes{(failed > 0 ? $", {failed} failed" : "")}); server CPU {step.ServerCpuMsPerChange:0.00} " +
                        $"ms/change; " +
                    $"heap {heap:0.0} MiB after forced GC; client CPU {step.ClientCpuMsPerAgentSecond:0.00} ms per agent-second " +
                    $"({step.ClientCpuMsPerChange:0.00} ms/change); load {load}"));
            }
        }
        finally
        {
            await Task.WhenAll(agents.Select(a => a.DisposeAsync().AsTask()));
        }

        global::System.Console.WriteLine($"Steps done in {phase.Elapsed.TotalSeconds:0} s");
        phase.Restart();
        BrowserCheck.Outcome? browser = null;
        try
        {
            browser = chromium ? await BrowserCheck.RunAsync(setup, cancellationToken) : null;
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException or InvalidOperationException)
        {
            // The check, not the measurement: its failure is reported and the steps' figures still count.
            global::System.Console.Error.WriteLine($"The Chromium check failed: {e.Message.Split('\n')[0]}");
        }
        if (chromium)
            global::System.Console.WriteLine($"Chromium check done in {phase.Elapsed.TotalSeconds:0} s");
        await File.WriteAllTextAsync(resultsFile,
            JsonSerializer.Serialize(new Results(results, browser?.P95, browser?.Changes ?? 0, PinnedProcess.NotPinned),
            ResultsJson), cancellationToken);
        return 0;
    }

    /// <summary>
    /// Every agent changes a random line's quantity, waits for the summary, thinks about 1.5 s, for the keying time. A change
    /// that fails (no summary within <see cref="BlazorAgent.Patience"/>, the circuit or its connection lost) counts as taking
    /// the patience — what the agent saw is at least that — and the agent stops.
    /// </summary>
    private static async Task<(List<double> Latencies, int Failed)> KeyAsync(IReadOnlyList<DeskAgent> agents, TimeSpan duration,
        Random random,
        CancellationToken cancellationToken)
    {
        var plans = agents.Select(_ => (Seed: random.Next(), Offset: random.Next(0, (int)ThinkTime.TotalMilliseconds))).ToList();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var failed = 0;
        var all = await Task.WhenAll(agents.Select(async (agent, a) =>
        {
            var own = new Random(plans[a].Seed);
            var latencies = new List<double>();
            await Task.Delay(plans[a].Offset, cancellationToken);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                try
                {
                    latencies.Add(await agent.ChangeQuantityAsync(own.Next(DeskAgent.Lines), cancellationToken));
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    latencies.Add(BlazorAgent.Patience.TotalMilliseconds);
                    if (Interlocked.Increment(ref failed) == 1)
                        global::System.Console.Error.WriteLine($"An agent's change failed: {e.Message}");
                    break;
                }
                await Task.Delay(ThinkTime + TimeSpan.FromMilliseconds(own.Next(-200, 200)), cancellationToken);
            }
            return latencies;
        }));
        return (all.SelectMany(l => l).ToList(), failed);
    }

    /// <summary>
    /// Agents key, unmeasured, for at least <paramref name="fewest"/> slices and until two slices in a row pass in which the server
    /// compiled at most <see cref="QuietJitMethods"/> methods each (its hot paths have been recompiled optimised, and what
    /// opening the circuits brought in is done) — at most a minute.
    /// </summary>
    private static async Task SettleAsync(PinnedProcess server, IReadOnlyList<DeskAgent> agents, int fewest, Random random,
        CancellationToken cancellationToken)
    {
        var compiled = await JitCountAsync(server, cancellationToken);
        var quiet = 0;
        for (var slice = 1; slice <= MaxSettleSlices; slice++)
        {
            await KeyAsync(agents, SettleSlice, random, cancellationToken);
            var now = await JitCountAsync(server, cancellationToken);
            quiet = now - compiled <= QuietJitMethods ? quiet + 1 : 0;
            compiled = now;
            if (quiet >= 2 && slice >= fewest)
            {
                global::System.Console.WriteLine($"    settled after {slice * SettleSlice.TotalSeconds:0} s of keying");
                return;
            }
        }
        global::System.Console.WriteLine(
            $"    still compiling after {MaxSettleSlices * SettleSlice.TotalSeconds:0} s of keying: measuring anyway");
    }

    private static async Task<long> JitCountAsync(PinnedProcess server, CancellationToken cancellationToken) =>
        long.Parse(await server.AskAsync("jit", cancellationToken), CultureInfo.InvariantCulture);

    private static async Task<double> ServerCpuAsync(PinnedProcess server, CancellationToken cancellationToken) =>
        double.Parse(await server.AskAsync("cpu", cancellationToken), CultureInfo.InvariantCulture);

    private static double ClientCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }
}
