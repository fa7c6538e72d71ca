using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Demo;

/// <summary>
/// Inserts many rows with explicit keys, all in one transaction: nothing is visible until
/// <see cref="CommitAsync"/>, and a failed generation leaves the database as it was.
/// Rows must come in foreign-key order (parents first).
/// </summary>
internal abstract class BulkWriter : IAsyncDisposable
{
    /// <summary>Rows inserted so far, per entity type, for the log.</summary>
    public Dictionary<Type, int> Counts { get; } = [];

    /// <summary>
    /// Prepared SQLite statements on SQLite; EF change tracking in chunks on any other provider, or when
    /// <paramref name="throughEf"/> asks for it (tests compare the two).
    /// </summary>
    public static async Task<BulkWriter> OpenAsync(IDbContextFactory<SmartOfficeDbContext> contexts, bool throughEf,
        CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            return db.Database.IsSqlite() && !throughEf
                ? await SqliteBulkWriter.OpenAsync(db, cancellationToken)
                : await EfBulkWriter.OpenAsync(db, cancellationToken);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public async Task InsertAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
            return;
        await InsertCoreAsync(rows, cancellationToken);
        Counts[typeof(T)] = Counts.GetValueOrDefault(typeof(T)) + rows.Count;
    }

    protected abstract Task InsertCoreAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class;

    public abstract Task CommitAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
