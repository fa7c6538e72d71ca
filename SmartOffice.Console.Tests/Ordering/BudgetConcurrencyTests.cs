using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// 予算 (hard) under concurrency (docs/text-and-order-rules.md): every FAX order save, correction and void first bumps the
/// customer's <see cref="Customer.OrdersVersion"/> by an UPDATE, which on SQL Server holds the row's exclusive lock to the
/// end of the transaction — so a second order of the customer reads the budget only once the first has committed. No
/// SQL Server runs here: the SQL of that lock is shown for both providers, and the interleaving is run on SQLite.
/// </summary>
public sealed class BudgetConcurrencyTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = TestDatabase.JapanTime(2026, 11, 25, 10, 0);
    private readonly TestDatabase _database = new(Morning);
    private readonly CommandRecorder _recorder = new();
    private Department _department = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
        await _database.UpdateAsync<Department>(_department.Id, d => (d.MonthlyBudget, d.BudgetKind) = (5000, BudgetKind.Hard));
        _database.Interceptors.Add(_recorder);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private FaxOrderDraft Draft(string pens) => new(_department.CustomerId, _department.Id, null, Morning, null, [Line(Pen, pens)]);

    private static bool IsLock(string sql) => sql.Contains("UPDATE \"Customers\"") && sql.Contains("\"OrdersVersion\" + 1");

    private static bool IsBudgetRead(string sql) => sql.Contains("SUM(") && sql.Contains("\"GoodsSubtotal\"");

    [Fact]
    public async Task A_save_and_a_correction_lock_the_customer_before_reading_the_budget_and_a_void_locks_it_too()
    {
        var saved = await _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(Draft("3"), Guid.NewGuid()));
        var onSave = _recorder.Take();
        var version = await VersionAsync(saved.OrderId!.Value);
        await _database.FaxOrders().CorrectAsync(new FaxOrderCorrection(saved.OrderId.Value, version, Draft("4"), "数量誤り"));
        var onCorrect = _recorder.Take();
        await _database.FaxOrders().VoidAsync(new FaxOrderVoid(saved.OrderId.Value, await VersionAsync(saved.OrderId.Value), "誤入力"));
        var onVoid = _recorder.Take();

        foreach (var commands in new[] { onSave, onCorrect })
        {
            var locked = commands.FindIndex(IsLock);
            Assert.True(locked >= 0, "no lock of the customer's row");
            Assert.True(locked < commands.FindIndex(IsBudgetRead), "the budget was read before the customer's row was locked");
        }
        Assert.Contains(onVoid, IsLock);
        await using var db = _database.CreateDbContext();
        Assert.Equal(3, await db.Customers.Where(c => c.Id == _department.CustomerId).Select(c => c.OrdersVersion).SingleAsync());
    }

    [Fact]
    public async Task On_SQL_Server_the_lock_is_the_same_single_row_update()
    {
        var recorder = new CommandRecorder { Suppress = true };
        await using var db = new SqlServerSmartOfficeDbContext(new DbContextOptionsBuilder<SqlServerSmartOfficeDbContext>()
            .UseSqlServer("Server=localhost;Database=SmartOffice;Trusted_Connection=True;TrustServerCertificate=True")
            .AddInterceptors(recorder).Options);

        await FaxOrderService.LockCustomerOrdersAsync(db, 42, CancellationToken.None);

        var sql = Assert.Single(recorder.Take());
        Assert.Contains("UPDATE [c]", sql);
        Assert.Contains("SET [c].[OrdersVersion] = [c].[OrdersVersion] + 1", sql);
        Assert.Contains("FROM [Customers] AS [c]", sql);
        Assert.Contains("WHERE [c].[Id] = @", sql);
    }

    [Fact]
    public async Task Two_orders_for_one_department_in_flight_at_once_cannot_both_pass_a_hard_budget()
    {
        // The first save stops right after it has read the budget; the second starts its transaction meanwhile.
        _recorder.PauseAfterBudgetRead = new TaskCompletionSource();
        var first = Task.Run(() => _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(Draft("3"), Guid.NewGuid())));
        await _recorder.BudgetRead.Task;
        _recorder.TransactionStarting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = Task.Run(() => _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(Draft("3"), Guid.NewGuid())));
        await _recorder.TransactionStarting.Task;
        _recorder.PauseAfterBudgetRead.SetResult();

        var saved = await first;
        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => second);

        Assert.NotNull(saved.OrderId);
        Assert.Equal("Ordering.BudgetHard", refused.Key);
        await using var db = _database.CreateDbContext();
        Assert.Equal(3000, await db.Orders.SumAsync(o => o.GoodsSubtotal));
    }

    private async Task<int> VersionAsync(int orderId)
    {
        await using var db = _database.CreateDbContext();
        return await db.Orders.Where(o => o.Id == orderId).Select(o => o.Version).SingleAsync();
    }

    /// <summary>
    /// The SQL sent, in order; on request it stops the first save after its budget read, or sends nothing (no SQL
    /// Server here).
    /// </summary>
    private sealed class CommandRecorder : DbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor
    {
        private readonly List<string> _commands = [];
        public bool Suppress { get; init; }
        public TaskCompletionSource? PauseAfterBudgetRead { get; set; }
        public TaskCompletionSource BudgetRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource? TransactionStarting { get; set; }

        public List<string> Take()
        {
            lock (_commands)
            {
                var taken = _commands.ToList();
                _commands.Clear();
                return taken;
            }
        }

        private void Record(DbCommand command)
        {
            lock (_commands)
                _commands.Add(command.CommandText);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(Suppress ? InterceptionResult<int>.SuppressWithResult(1) : result);
        }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
            DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            if (PauseAfterBudgetRead is { } pause && IsBudgetRead(command.CommandText) && BudgetRead.TrySetResult())
                await pause.Task;
            return result;
        }

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result,
            CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Suppress ? InterceptionResult.Suppress() : result);

        public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (BudgetRead.Task.IsCompleted)
                TransactionStarting?.TrySetResult();
            return ValueTask.FromResult(result);
        }
    }
}
