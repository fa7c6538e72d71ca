using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SmartOffice.Domain.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <c>IDbContextFactory&lt;SmartOfficeDbContext&gt;</c> for the provider that <see cref="DatabaseOptions"/>
    /// names. Settings are read when the factory is first resolved (so test hosts can override them); an unknown
    /// provider or a malformed connection string throws <see cref="StartupConfigurationException"/> then.
    /// </summary>
    public static IServiceCollection AddSmartOfficePersistence(this IServiceCollection services, string basePath)
    {
        // Pooled: a quote (every change on the entry form) makes a context; a fresh one set up its internal services each time.
        services.AddPooledDbContextFactory<SqliteSmartOfficeDbContext>((sp, o) =>
            o.UseSqlite(SqliteConnectionString(Settings(sp).ConnectionString, basePath))
                .AddInterceptors(new SqlitePragmas(Settings(sp).SqliteCacheMiB)));
        services.AddPooledDbContextFactory<SqlServerSmartOfficeDbContext>((sp, o) =>
            o.UseSqlServer(Parse(() => new SqlConnectionStringBuilder(Settings(sp).ConnectionString).ConnectionString,
                Settings(sp).ConnectionString)));
        services.AddSingleton<IDbContextFactory<SmartOfficeDbContext>>(sp => ProviderOf(Settings(sp)) switch
        {
            DatabaseProvider.SqlServer =>
                new Upcast<SqlServerSmartOfficeDbContext>(sp.GetRequiredService<IDbContextFactory<SqlServerSmartOfficeDbContext>>()),
            _ => new Upcast<SqliteSmartOfficeDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteSmartOfficeDbContext>>()),
        });
        // Identity's stores want a scoped context; it lives for one HTTP request (sign-in) only.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContext());
        return services;
    }

    public static DatabaseProvider ProviderOf(DatabaseOptions options) =>
        Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider)
            ? provider
            : throw new StartupConfigurationException($"Database:Provider '{options.Provider}' is unknown: use 'Sqlite' or 'SqlServer'.");

    /// <summary>Makes a relative SQLite file path absolute against <paramref name="basePath"/>.</summary>
    public static string SqliteConnectionString(string connectionString, string basePath)
    {
        var builder = Parse(() => new SqliteConnectionStringBuilder(connectionString), connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new StartupConfigurationException(
                $"Database:ConnectionString '{connectionString}' is not valid: it has no 'Data Source' for SQLite.");
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(basePath, builder.DataSource));
        return builder.ConnectionString;
    }

    private static DatabaseOptions Settings(IServiceProvider sp) => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;

    private static T Parse<T>(Func<T> parse, string connectionString)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StartupConfigurationException(
                $"Database:ConnectionString '{connectionString}' is not valid: {e.Message}", e);
        }
    }

    private sealed class Upcast<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<SmartOfficeDbContext>
        where TContext : SmartOfficeDbContext
    {
        public SmartOfficeDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
