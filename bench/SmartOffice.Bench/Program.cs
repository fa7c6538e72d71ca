using System.Globalization;
using SmartOffice.Bench.Circuits;
using SmartOffice.Domain.Demo;

// dotnet run -c Release --project bench/SmartOffice.Bench -- <benchmark>…|all [--size large|standard] [--runs N]
// (./bench.sh at the repository root runs them all). Benchmarks are not tests: each prints its figures against a baseline
// measured in the same run where one exists; the run ends with one table and merges its lines into bench/results/latest.json
// ([{"name","value","unit","baseline","ratio","target","met"}]).

namespace SmartOffice.Bench;

/// <summary>The runner (a named class: the app's own <c>Program</c> is what the circuits benchmark hosts).</summary>
internal static class BenchRunner
{
    public static async Task<int> Main(string[] args)
    {
        var root = RepositoryRoot();
        if (args is [PurchaseExportBenchmark.ChildCommand, var variant, var databaseFile])
            return await PurchaseExportBenchmark.RunChildAsync(root, variant, databaseFile);
        if (args is [CircuitsServer.Command, var agents])
            return await CircuitsServer.RunAsync(int.Parse(agents, CultureInfo.InvariantCulture));
        if (args is [CircuitsLoad.Command, var resultsFile, var steps, ..])
            return await CircuitsLoad.RunAsync(resultsFile,
                steps.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(),
                chromium: !args.Contains("--no-chromium"), CancellationToken.None);
        if (args is [ListExportBenchmark.ChildCommand, var listVariant, var auditFile])
            return await ListExportBenchmark.RunChildAsync(root, listVariant, auditFile);

        var benchmarks = new Dictionary<string, IBenchmark>(StringComparer.OrdinalIgnoreCase)
        {
            ["order-entry-pricing"] = new OrderEntryPricingBenchmark(),
            ["order-save"] = new OrderSaveBenchmark(),
            ["order-search"] = new OrderSearchBenchmark(),
            ["product-search"] = new ProductSearchBenchmark(),
            ["purchase-export"] = new PurchaseExportBenchmark(),
            ["list-export"] = new ListExportBenchmark(root),
            ["point-expiry"] = new PointExpiryBenchmark(root),
            ["circuits"] = new CircuitsBenchmark(),
            ["startup"] = new StartupBenchmark(root),
            ["fax-recognition"] = new FaxRecognitionBenchmark(),
        };

        var names = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var size = Enum.Parse<DemoSize>(Option("--size") ?? nameof(DemoSize.Large), ignoreCase: true);
        var runs = int.Parse(Option("--runs") ?? "300", CultureInfo.InvariantCulture);
        if (names.Count == 0 || names.Any(n => !benchmarks.ContainsKey(n) && n != "all"))
        {
            global::System.Console.Error.WriteLine(
                $"Usage: SmartOffice.Bench <{string.Join("|", benchmarks.Keys)}|all>… [--size large|standard] [--runs N]");
            return 2;
        }
        #if DEBUG
        global::System.Console.Error.WriteLine("Warning: a Debug build. Run benchmarks with -c Release.");
        #endif

        using var stop = new CancellationTokenSource();
        global::System.Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        var selected = names.Contains("all") ? benchmarks.Keys.ToList() : names;
        var started = DateTimeOffset.Now;
        var machine = Machine.Describe();
        global::System.Console.WriteLine(machine);
        await using var data = selected.Any(n => benchmarks[n].UsesDemoData) ? await BenchData.OpenAsync(root, size, stop.Token) : null;
        var results = new List<BenchResult>();
        foreach (var name in selected)
        {
            var benchmark = benchmarks[name];
            global::System.Console.WriteLine(benchmark.UsesDemoData ? $"== {name} ({size} data, {runs} runs) — load {Machine.LoadAverage()}"
                : $"== {name} — load {Machine.LoadAverage()}");
            results.AddRange(await benchmark.RunAsync(benchmark.UsesDemoData ? data!.Services : null, runs, stop.Token));
        }
        await BenchResult.MergeIntoAsync(Path.Combine(root, "bench", "results", "latest.json"), results);
        global::System.Console.WriteLine();
        global::System.Console.WriteLine(BenchResult.Table(results));
        global::System.Console.WriteLine();
        global::System.Console.WriteLine(
            $"{machine}; load average at the end {Machine.LoadAverage()}; {(DateTimeOffset.Now - started).TotalMinutes:0.0} min");
        return 0;

        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SmartOffice.Console.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException(
            "Run the benchmarks from inside the repository (no SmartOffice.Console.sln found above the current folder).");
    }
}
