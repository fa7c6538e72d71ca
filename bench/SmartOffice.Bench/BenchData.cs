using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartOffice.Domain;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Bench;

/// <summary>
/// The demo database a benchmark runs on, generated once into <c>bench/.data/&lt;size&gt;.db</c> (gitignored) by the app's own
/// <see cref="DemoDataGenerator"/>, then reused; migrated on every run so it follows the model. A generation that is
/// interrupted leaves only a <c>.partial</c> file, never a half-filled cache.
/// </summary>
internal sealed class BenchData : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchData(ServiceProvider services, string repositoryRoot, string file)
    {
        _services = services;
        RepositoryRoot = repositoryRoot;
        File = file;
    }

    public string RepositoryRoot { get; }
    public string File { get; }
    public IServiceProvider Services => _services;

    public static async Task<BenchData> OpenAsync(string repositoryRoot, DemoSize size, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(repositoryRoot, "bench", ".data");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{size.ToString().ToLowerInvariant()}.db");
        await DiscardIfOldAsync(repositoryRoot, file, cancellationToken);
        if (!System.IO.File.Exists(file))
            await GenerateAsync(repositoryRoot, file, size, cancellationToken);

        BenchData? data = null;
        var services = Build(repositoryRoot, file, register: s => s.AddSingleton(_ => data!));
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(withDemoData: false, cancellationToken);
        return data = new BenchData(services, repositoryRoot, file);
    }

    private static async Task GenerateAsync(string repositoryRoot, string file, DemoSize size, CancellationToken cancellationToken)
    {
        var partial = file + ".partial";
        System.IO.File.Delete(partial);
        global::System.Console.WriteLine($"Preparing the {size} demo data once in {file} (several minutes for large)…");
        await using (var services = Build(repositoryRoot, partial, log: true))
        {
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(withDemoData: false, cancellationToken);
            var seed = services.GetRequiredService<IConfiguration>().GetValue("Demo:Seed", 20261125);
            await services.GetRequiredService<DemoDataGenerator>().GenerateAsync(size, seed, cancellationToken);
        }
        SqliteConnection.ClearAllPools();
        System.IO.File.Move(partial, file);
    }

    /// <summary>
    /// A cached file made by the migrations squashed into one Initial (#28, docs/operations.md "Migrations") cannot be migrated:
    /// it is deleted, with a line saying so, for the caller to make it again.
    /// </summary>
    internal static async Task DiscardIfOldAsync(string repositoryRoot, string file, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(file))
            return;
        IReadOnlyList<string> unknown;
        await using (var services = Build(repositoryRoot, file))
        await using (var db = await services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>()
            .CreateDbContextAsync(cancellationToken))
            unknown = await MigrationHistory.UnknownAsync(db, cancellationToken);
        if (unknown.Count == 0)
            return;
        SqliteConnection.ClearAllPools();
        global::System.Console.WriteLine(
            $"{file} was made by migrations this build does not have ({unknown[0]}…): deleting it to prepare it again.");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            System.IO.File.Delete(file + suffix);
    }

    /// <summary>The domain as the app registers it, over the repository's appsettings.json and the given SQLite file.</summary>
    internal static ServiceProvider Build(string repositoryRoot, string databaseFile, bool log = false,
        Action<IServiceCollection>? register = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(repositoryRoot, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = $"Data Source={databaseFile}",
                ["Demo:Enabled"] = "false",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(log ? LogLevel.Information : LogLevel.Warning);
            builder.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
            // BENCH_SQL=1 prints every command with its time, to see where a benchmark spends it.
            if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1")
                builder.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
            builder.AddSimpleConsole(o => o.SingleLine = true);
        });
        services.AddSmartOfficeDomain(configuration, repositoryRoot);
        services.AddSingleton<ICurrentStaff>(BenchStaff.Desk);
        register?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
