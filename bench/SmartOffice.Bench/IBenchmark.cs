namespace SmartOffice.Bench;

/// <summary>A named benchmark: measures on the prepared data and returns its lines for latest.json.</summary>
internal interface IBenchmark
{
    Task<IReadOnlyList<BenchResult>> RunAsync(IServiceProvider services, int runs, CancellationToken cancellationToken);
}
