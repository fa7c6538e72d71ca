namespace SmartOffice.Domain.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The <c>Database</c> section of appsettings.json.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default) or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>The connection string; a relative SQLite path resolves against the data folder's parent.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/smartoffice.db";

    /// <summary>SQLite page cache per connection, MiB (pages are taken as used).</summary>
    public int SqliteCacheMiB { get; set; } = 32;
}

/// <summary>A setting that makes start-up impossible; the app logs its message as one line and stops.</summary>
public sealed class StartupConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
