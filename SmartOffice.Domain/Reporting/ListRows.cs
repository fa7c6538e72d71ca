using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Reporting;

/// <summary>
/// Every row of a list under its filter and sort — what the page shows, all pages — for an export: counted when asked (after the
/// service has checked the caller), read when the export streams them, on a database context of their own.
/// </summary>
public sealed record ListRows<TRow>(int Total, IAsyncEnumerable<TRow> Rows);

public static class ListRows
{
    /// <summary>
    /// The rows of <paramref name="query"/> (the same filter, sort and projection the page's method uses), counted now. The query is
    /// built again on the streaming context, so it carries the caller's dealer scope both times.
    /// </summary>
    public static async Task<ListRows<TRow>> OpenAsync<TRow>(IDbContextFactory<SmartOfficeDbContext> contexts,
        Func<SmartOfficeDbContext, CancellationToken, Task<IQueryable<TRow>>> query, CancellationToken cancellationToken)
    {
        int total;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            total = await (await query(db, cancellationToken)).CountAsync(cancellationToken);
        return new ListRows<TRow>(total, StreamAsync(contexts, query));
    }

    /// <summary>The same for a query that needs no lookup before it is built.</summary>
    public static Task<ListRows<TRow>> OpenAsync<TRow>(IDbContextFactory<SmartOfficeDbContext> contexts,
        Func<SmartOfficeDbContext, IQueryable<TRow>> query, CancellationToken cancellationToken) =>
        OpenAsync(contexts, (db, _) => Task.FromResult(query(db)), cancellationToken);

    private static async IAsyncEnumerable<TRow> StreamAsync<TRow>(IDbContextFactory<SmartOfficeDbContext> contexts,
        Func<SmartOfficeDbContext, CancellationToken, Task<IQueryable<TRow>>> query,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await foreach (var row in (await query(db, cancellationToken)).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return row;
    }

    /// <summary>
    /// Rows built a chunk at a time from ids in list order (a list whose row is computed per page, e.g. point balances): the ids
    /// stream, each chunk of <paramref name="chunk"/> becomes rows in the same order.
    /// </summary>
    public static async Task<ListRows<TRow>> OpenByIdsAsync<TRow>(IDbContextFactory<SmartOfficeDbContext> contexts,
        Func<SmartOfficeDbContext, IQueryable<int>> ids,
            Func<SmartOfficeDbContext, IReadOnlyList<int>, CancellationToken, Task<IReadOnlyList<TRow>>> rows,
        int chunk, CancellationToken cancellationToken)
    {
        int total;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            total = await ids(db).CountAsync(cancellationToken);
        return new ListRows<TRow>(total, StreamByIdsAsync(contexts, ids, rows, chunk));
    }

    private static async IAsyncEnumerable<TRow> StreamByIdsAsync<TRow>(IDbContextFactory<SmartOfficeDbContext> contexts,
        Func<SmartOfficeDbContext, IQueryable<int>> ids,
            Func<SmartOfficeDbContext, IReadOnlyList<int>, CancellationToken, Task<IReadOnlyList<TRow>>> rows,
        int chunk, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await ids(db).ToListAsync(cancellationToken);
        foreach (var part in all.Chunk(chunk))
            foreach (var row in await rows(db, part, cancellationToken))
                yield return row;
    }
}
