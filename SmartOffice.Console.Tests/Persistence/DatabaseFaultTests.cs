using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Staff;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Persistence;

/// <summary>
/// The database file locked by another connection, or full (SQLite's <c>max_page_count</c> on the saving connection):
/// the order save fails whole — every table as before — and the same entry form saves exactly once when the fault is gone.
/// </summary>
public sealed class DatabaseFaultTests(MatrixDatabase data) : IClassFixture<MatrixDatabase>
{
    private const int SqliteBusy = 5, SqliteFull = 13;

    [Fact]
    public async Task A_save_while_another_connection_holds_the_write_lock_fails_whole_and_saves_once_afterwards()
    {
        await using var copy = data.Template.Copy();
        // A second's patience instead of the default 30.
        var impatient = new Contexts(new SqliteConnectionStringBuilder(copy.ConnectionString) { DefaultTimeout = 1 }.ToString());
        var request = new FaxOrderSaveRequest(data.OrderDraft(data.Ids.CustomerId, data.Ids.DepartmentId), Guid.NewGuid(),
            DuplicateConfirmed: true);

        await using (var holder = new SqliteConnection(copy.ConnectionString))
        {
            await holder.OpenAsync();
            await using var exclusive = holder.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            await exclusive.ExecuteNonQueryAsync();

            var failure = await Assert.ThrowsAnyAsync<Exception>(() => Orders(copy, impatient).SaveAsync(request));
            Assert.Equal(SqliteBusy, Assert.IsType<SqliteException>(failure.GetBaseException()).SqliteErrorCode);
        }

        await AssertSavedOnceAfterwardsAsync(copy, request);
    }

    [Fact]
    public async Task A_save_into_a_full_database_fails_whole_and_saves_once_afterwards()
    {
        await using var copy = data.Template.Copy();
        var full = new Contexts(copy.ConnectionString, new FullDatabase());
        // Sixty lines with comments need pages the full file does not have.
        var draft = data.OrderDraft(data.Ids.CustomerId, data.Ids.DepartmentId) with
        {
            Lines = Enumerable.Range(1, 60).Select(i => Line(Pen, "1", $"{i:D2} " + new string('記', 90))).ToList(),
        };
        var request = new FaxOrderSaveRequest(draft, Guid.NewGuid(), DuplicateConfirmed: true);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Orders(copy, full).SaveAsync(request));

        Assert.Equal(SqliteFull, Assert.IsType<SqliteException>(failure.GetBaseException()).SqliteErrorCode);
        await AssertSavedOnceAfterwardsAsync(copy, request);
    }

    /// <summary>Nothing of the failed save is left, and the same form (entry key) then saves one order — a second try
    /// returns that one.</summary>
    private async Task AssertSavedOnceAfterwardsAsync(TestDatabase copy, FaxOrderSaveRequest request)
    {
        Assert.Empty((await DatabaseSnapshot.TakeAsync(copy)).ChangedSince(data.Snapshot));
        var saved = await Orders(copy, copy).SaveAsync(request);
        var again = await Orders(copy, copy).SaveAsync(request);
        Assert.Equal((saved.OrderId, false, true), (again.OrderId, saved.Replayed, again.Replayed));
        await using var db = copy.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync(o => o.EntryKey == request.EntryKey));
    }

    private static FaxOrderService Orders(TestDatabase copy, IDbContextFactory<SmartOfficeDbContext> contexts) =>
        MatrixDatabase.Services(copy, TestStaff.DeskAgent, contexts).CreateScope().ServiceProvider.GetRequiredService<FaxOrderService>();

    private sealed class Contexts(string connectionString, params IInterceptor[] interceptors) : IDbContextFactory<SmartOfficeDbContext>
    {
        public SmartOfficeDbContext CreateDbContext() =>
            new SqliteSmartOfficeDbContext(new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>()
            .UseSqlite(connectionString).AddInterceptors([new SqlitePragmas(16), .. interceptors]).Options);
    }

    /// <summary>Every connection may not grow the file by a single page: SQLite answers SQLITE_FULL as on a full disk.</summary>
    private sealed class FullDatabase : DbConnectionInterceptor
    {
        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            await using var pages = connection.CreateCommand();
            pages.CommandText = "PRAGMA page_count";
            var count = Convert.ToInt64(await pages.ExecuteScalarAsync(cancellationToken));
            await using var limit = connection.CreateCommand();
            limit.CommandText = $"PRAGMA max_page_count = {count}";
            await limit.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
