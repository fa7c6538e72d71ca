using SmartOffice.Bench;
using SmartOffice.Domain.Demo;

// dotnet run -c Release --project bench/SmartOffice.Bench -- <benchmark>… [--size large|standard] [--runs N]
// Benchmarks are not tests: each prints p50/p95 against a baseline measured in the same run, and merges its line into
// bench/results/latest.json ([{"name","value","unit","baseline","ratio","target","met"}]).
var benchmarks = new Dictionary<string, IBenchmark>(StringComparer.OrdinalIgnoreCase)
{
    ["order-entry-pricing"] = new OrderEntryPricingBenchmark(),
    ["order-search"] = new OrderSearchBenchmark(),
};

var names = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var size = Enum.Parse<DemoSize>(Option("--size") ?? nameof(DemoSize.Large), ignoreCase: true);
var runs = int.Parse(Option("--runs") ?? "300", System.Globalization.CultureInfo.InvariantCulture);
if (names.Count == 0 || names.Any(n => !benchmarks.ContainsKey(n) && n != "all"))
{
    global::System.Console.Error.WriteLine($"Usage: SmartOffice.Bench <{string.Join("|", benchmarks.Keys)}|all>… [--size large|standard] [--runs N]");
    return 2;
}
#if DEBUG
global::System.Console.Error.WriteLine("Warning: a Debug build. Run benchmarks with -c Release.");
#endif

var root = RepositoryRoot();
using var stop = new CancellationTokenSource();
global::System.Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
await using var data = await BenchData.OpenAsync(root, size, stop.Token);
var results = new List<BenchResult>();
foreach (var name in names.Contains("all") ? benchmarks.Keys.ToList() : names)
{
    global::System.Console.WriteLine($"== {name} ({size} data, {runs} runs)");
    results.AddRange(await benchmarks[name].RunAsync(data.Services, runs, stop.Token));
}
await BenchResult.MergeIntoAsync(Path.Combine(root, "bench", "results", "latest.json"), results);
return 0;

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static string RepositoryRoot()
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "SmartOffice.Console.sln")))
            return folder.FullName;
    }
    throw new InvalidOperationException("Run the benchmarks from inside the repository (no SmartOffice.Console.sln found above the current folder).");
}
