using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Points;

/// <summary>What one run expired of the lots valid through one month-end.</summary>
public sealed record ExpiredMonth(DateOnly ValidThrough, int Lots, int Points);

/// <summary>
/// ポイント失効, the one place it is written (docs/architecture.md "Points"): every lot whose validity ended before today
/// gives up what remains, as one expiry entry per lot dated the day after its last valid day — so a missed run caught up
/// later writes exactly the ledger the monthly runs would have written, and a second run finds nothing left. Set-based and
/// never loading lots: one grouped count, one INSERT…SELECT and one UPDATE for every due month-end at once, through the
/// partial index on <c>ValidThrough</c> where <c>Remaining &gt; 0</c>, which shrinks as lots expire. A lot's expiry entry
/// is unique in the database: of two runs at once, the second meets the first's entries and writes nothing.
/// The job in <c>Jobs/</c> only triggers <see cref="RunAsync"/>.
/// </summary>
public static class PointExpiry
{
    /// <summary>
    /// Expires what is due in one transaction of its own, on a connection with a page cache of <paramref name="cacheMiB"/>
    /// MiB on SQLite (the lots' and the ledger's indexes); a run killed half-way leaves nothing.
    /// </summary>
    public static async Task<IReadOnlyList<ExpiredMonth>> RunAsync(IDbContextFactory<SmartOfficeDbContext> contexts, DateOnly today,
        DateTimeOffset now, int cacheMiB, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var connection = await LargeCacheAsync(db, cacheMiB, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var expired = await ExpireAsync(db, today, now, cancellationToken);
        if (expired.Count > 0)
            await transaction.CommitAsync(cancellationToken);
        return expired;
    }

    /// <summary>
    /// Expires what is due inside the caller's transaction: every lot valid through a day before <paramref name="today"/>
    /// with points left. Returns what it expired per month-end, oldest first (nothing on a second call).
    /// </summary>
    public static async Task<IReadOnlyList<ExpiredMonth>> ExpireAsync(SmartOfficeDbContext db, DateOnly today, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var due = await db.PointLots.Where(l => l.Remaining > 0 && l.ValidThrough < today)
            .GroupBy(l => l.ValidThrough)
            .OrderBy(g => g.Key)
            .Select(g => new ExpiredMonth(g.Key, g.Count(), g.Sum(l => l.Remaining)))
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
            return due;
        await InsertEntriesAsync(db, today, now, due.Select(d => d.ValidThrough).ToList(), cancellationToken);
        await db.PointLots.Where(l => l.ValidThrough < today && l.Remaining > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Remaining, 0), cancellationToken);
        return due;
    }

    /// <summary>
    /// One entry per due lot, in lot order (the ledger's lot index is appended to, not scattered), dated by a CASE over the
    /// due month-ends (portable, where date arithmetic is not).
    /// </summary>
    private static async Task InsertEntriesAsync(SmartOfficeDbContext db, DateOnly today, DateTimeOffset now,
        IReadOnlyList<DateOnly> monthEnds, CancellationToken cancellationToken)
    {
        var lot = Table<PointLot>(db);
        var entry = Table<PointLedgerEntry>(db);
        var validThrough = lot[nameof(PointLot.ValidThrough)];
        var remaining = lot[nameof(PointLot.Remaining)];
        object[] parameters =
            [nameof(PointEntryKind.Expire), now.UtcDateTime, today, .. monthEnds.SelectMany(d => new object[] { d, d.AddDays(1) })];
        var businessDate = "CASE " + validThrough
                           + string.Concat(monthEnds.Select((_, i) => $" WHEN {{{3 + 2 * i}}} THEN {{{4 + 2 * i}}}")) + " END";
        // Names from the model and numbered placeholders only: every value goes as a parameter.
        var insert = $$"""
             INSERT INTO {{entry.Table}} ({{entry[nameof(PointLedgerEntry.PointAccountId)]}},
                 {{entry[nameof(PointLedgerEntry.PointLotId)]}}, {{entry[nameof(PointLedgerEntry.Kind)]}},
                 {{entry[nameof(PointLedgerEntry.Points)]}},
                 {{entry[nameof(PointLedgerEntry.BusinessDate)]}}, {{entry[nameof(PointLedgerEntry.RecordedAt)]}})
             SELECT {{lot[nameof(PointLot.PointAccountId)]}}, {{lot[nameof(PointLot.Id)]}}, {0}, -{{remaining}}, {{businessDate}}, {1}
             FROM {{lot.Table}}
             WHERE {{validThrough}} < {2} AND {{remaining}} > 0
             ORDER BY {{lot[nameof(PointLot.Id)]}}
             """;
        await db.Database.ExecuteSqlRawAsync(insert, parameters, cancellationToken);
    }

    /// <summary>
    /// SQLite: holds the run's connection open with a page cache large enough for the lots' and the ledger's indexes (the
    /// pragma lasts as long as the pooled connection); disposing it puts the usual cache size back and frees the rest.
    /// Nothing to do on SQL Server.
    /// </summary>
    private static async Task<IAsyncDisposable> LargeCacheAsync(SmartOfficeDbContext db, int cacheMiB,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (!db.Database.IsSqlite())
            return new RestoreCache(db, null);
        await using var read = db.Database.GetDbConnection().CreateCommand();
        read.CommandText = "PRAGMA cache_size";
        var usual = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var large = FormattableString.Invariant($"PRAGMA cache_size = -{cacheMiB * 1024};");
        await db.Database.ExecuteSqlRawAsync(large, cancellationToken);
        return new RestoreCache(db, usual);
    }

    private sealed class RestoreCache(SmartOfficeDbContext db, long? usual) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (usual is { } size)
                await db.Database.ExecuteSqlRawAsync(FormattableString.Invariant($"PRAGMA cache_size = {size}; PRAGMA shrink_memory;"));
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The entity's quoted table and column names, from the model, so the raw SQL follows the mapping on both providers.</summary>
    private static TableNames Table<T>(SmartOfficeDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        return new TableNames(sql.DelimitIdentifier(table.Name, table.Schema),
            entity.GetProperties().ToDictionary(p => p.Name, p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
    }

    private sealed record TableNames(string Table, IReadOnlyDictionary<string, string> Columns)
    {
        public string this[string property] => Columns[property];
    }
}
