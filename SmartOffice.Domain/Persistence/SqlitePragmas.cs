using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SmartOffice.Domain.Persistence;

/// <summary>
/// Per-connection SQLite settings: write-ahead logging (readers never wait for the writer: circuits keep reading while a
/// job or an order save writes; persistent in the file), NORMAL sync (safe with WAL) and a larger page cache, which the
/// set-based jobs (point expiry over a million lots) need.
/// </summary>
public sealed class SqlitePragmas(int cacheMiB) : DbConnectionInterceptor
{
    private readonly string _sql = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{cacheMiB * 1024};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
