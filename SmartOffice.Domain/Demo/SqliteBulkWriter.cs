using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SQLitePCL;

namespace SmartOffice.Domain.Demo;

/// <summary>
/// SQLite: one prepared INSERT per table, rebound row after row (<see cref="SqliteRowBinder"/>), on a private
/// unpooled connection so its speed-ups (no fsync, a large cache, no foreign-key checks) die with it. Statements go
/// to SQLite's own API, binding by position: Microsoft.Data.Sqlite's per-execution overhead (a reader per command,
/// parameters looked up by name) costs about twice the insert itself.
/// </summary>
internal sealed class SqliteBulkWriter : BulkWriter
{
    private readonly SmartOfficeDbContext _model;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Dictionary<Type, (sqlite3_stmt Statement, Action<sqlite3_stmt, object> Bind)> _inserts = [];

    private SqliteBulkWriter(SmartOfficeDbContext model, SqliteConnection connection, SqliteTransaction transaction)
    {
        _model = model;
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<BulkWriter> OpenAsync(SmartOfficeDbContext model, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder(model.Database.GetConnectionString()) { Pooling = false }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // A crash loses only this uncommitted demo, generated again on the next start: durability can wait.
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-65536; PRAGMA foreign_keys=OFF;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            return new SqliteBulkWriter(model, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override Task InsertCoreAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
    {
        var (statement, bind) = InsertFor(typeof(T));
        var n = 0;
        foreach (var row in rows)
        {
            if (++n % 1_000 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            bind(statement, row);
            var done = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (done != raw.SQLITE_DONE)
                SqliteRowBinder.Check(statement, done);
        }
        return Task.CompletedTask;
    }

    private (sqlite3_stmt Statement, Action<sqlite3_stmt, object> Bind) InsertFor(Type type)
    {
        if (_inserts.TryGetValue(type, out var insert))
            return insert;
        var table = EntityTable.For(_model, type);
        var resultCode = raw.sqlite3_prepare_v2(_connection.Handle, table.InsertSql(_ => "?"), out var statement);
        if (resultCode != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(resultCode, _connection.Handle);
        return _inserts[type] = (statement, SqliteRowBinder.Compile(table));
    }

    public override Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        foreach (var (statement, _) in _inserts.Values)
            statement.Dispose();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
        await _model.DisposeAsync();
    }
}
