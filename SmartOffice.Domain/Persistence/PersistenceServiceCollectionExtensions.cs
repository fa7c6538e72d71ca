using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.Domain.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <c>IDbContextFactory&lt;SmartOfficeDbContext&gt;</c> for the configured provider.
    /// Throws <see cref="StartupConfigurationException"/> for an unknown provider or a malformed connection string.
    /// </summary>
    public static IServiceCollection AddSmartOfficePersistence(this IServiceCollection services, DatabaseOptions options, string basePath)
    {
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider))
            throw new StartupConfigurationException(
                $"Database:Provider '{options.Provider}' is unknown: use 'Sqlite' or 'SqlServer'.");

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options.ConnectionString, basePath);
                services.AddDbContextFactory<SqliteSmartOfficeDbContext>(o => o.UseSqlite(sqlite));
                services.AddSingleton<IDbContextFactory<SmartOfficeDbContext>>(sp =>
                    new Upcast<SqliteSmartOfficeDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteSmartOfficeDbContext>>()));
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = Parse(() => new SqlConnectionStringBuilder(options.ConnectionString).ConnectionString, options.ConnectionString);
                services.AddDbContextFactory<SqlServerSmartOfficeDbContext>(o => o.UseSqlServer(sqlServer));
                services.AddSingleton<IDbContextFactory<SmartOfficeDbContext>>(sp =>
                    new Upcast<SqlServerSmartOfficeDbContext>(sp.GetRequiredService<IDbContextFactory<SqlServerSmartOfficeDbContext>>()));
                break;
        }
        // Identity's stores want a scoped context; it lives for one HTTP request (sign-in) only.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Makes a relative SQLite file path absolute against <paramref name="basePath"/>.</summary>
    public static string SqliteConnectionString(string connectionString, string basePath)
    {
        var builder = Parse(() => new SqliteConnectionStringBuilder(connectionString), connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new StartupConfigurationException("Database:ConnectionString has no 'Data Source' for SQLite.");
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(basePath, builder.DataSource));
        return builder.ConnectionString;
    }

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
