using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Demo;

/// <summary>
/// Any provider other than SQLite (SQL Server): EF change tracking, SaveChanges in chunks inside one transaction,
/// with IDENTITY_INSERT switched on around tables whose keys SQL Server would otherwise generate. Correct, slower.
/// </summary>
internal sealed class EfBulkWriter : BulkWriter
{
    private const int ChunkSize = 2_000;

    private readonly SmartOfficeDbContext _db;
    private readonly IDbContextTransaction _transaction;

    private EfBulkWriter(SmartOfficeDbContext db, IDbContextTransaction transaction)
    {
        _db = db;
        _transaction = transaction;
    }

    public static async Task<BulkWriter> OpenAsync(SmartOfficeDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        return new EfBulkWriter(db, await db.Database.BeginTransactionAsync(cancellationToken));
    }

    protected override async Task InsertCoreAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
    {
        // The table name is the model's own, delimited by the provider: nothing user-typed reaches this SQL.
        var identityTable = HasSqlServerIdentityKey(typeof(T)) ? EntityTable.For(_db, typeof(T)).Name : null;
        var identityOn = "SET IDENTITY_INSERT " + identityTable + " ON";
        var identityOff = "SET IDENTITY_INSERT " + identityTable + " OFF";
        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            if (identityTable is not null)
                await _db.Database.ExecuteSqlRawAsync(identityOn, cancellationToken);
            // Entry-by-entry rather than AddRange, which would also add children hanging off navigations (a slip's lines).
            foreach (var row in chunk)
                _db.Entry(row).State = EntityState.Added;
            await _db.SaveChangesAsync(cancellationToken);
            _db.ChangeTracker.Clear();
            if (identityTable is not null)
                await _db.Database.ExecuteSqlRawAsync(identityOff, cancellationToken);
        }
    }

    private bool HasSqlServerIdentityKey(Type type) =>
        _db.Database.IsSqlServer()
        && _db.Model.FindEntityType(type)?.FindPrimaryKey()?.Properties is [var key]
        && SqlServerPropertyExtensions.GetValueGenerationStrategy(key) == SqlServerValueGenerationStrategy.IdentityColumn;

    public override Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _db.DisposeAsync();
    }
}
