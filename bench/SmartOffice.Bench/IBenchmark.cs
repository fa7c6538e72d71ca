namespace SmartOffice.Bench;

/// <summary>A named benchmark: measures on the prepared data and returns its lines for latest.json.</summary>
internal interface IBenchmark
{
    /// <summary>False for a benchmark that builds data of its own: the demo database is then not prepared for it.</summary>
    bool UsesDemoData => true;

    /// <param name="services">The domain over the demo data, or null when <see cref="UsesDemoData"/> is false.</param>
    Task<IReadOnlyList<BenchResult>> RunAsync(IServiceProvider? services, int runs, CancellationToken cancellationToken);
}
