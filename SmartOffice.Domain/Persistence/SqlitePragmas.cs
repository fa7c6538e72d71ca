using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SmartOffice.Domain.Persistence;

/// <summary>
/// Per-connection SQLite settings: write-ahead logging (readers never wait for the writer: circuits keep reading while a
/// job or an order save writes; persistent in the file), NORMAL sync (safe with WAL) and a larger page cache, which the
/// set-based jobs (point expiry over a million lots) need. Set once per physical connection: EF opens and closes the
/// pooled connection around every query, and the settings stay with the pooled handle.
/// </summary>
public sealed class SqlitePragmas(int cacheMiB) : DbConnectionInterceptor
{
    private readonly string _sql = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{cacheMiB * 1024};";

    private readonly ConditionalWeakTable<object, object?> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True the first time this native handle is seen (a new physical connection, not one from the pool).</summary>
    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, null);
}
