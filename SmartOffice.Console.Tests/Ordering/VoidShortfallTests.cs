using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// 取消・訂正 of an order whose points were spent (docs/text-and-order-rules.md): the points that could not be taken back are
/// recorded on the order and returned, as return slips do, and the point account's version moves so that a concurrent
/// movement on the account is refused rather than interleaved.
/// </summary>
public sealed class VoidShortfallTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = TestDatabase.JapanTime(2026, 11, 25, 10, 0);
    private readonly TestDatabase _database = new(Morning);
    private Department _department = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private FaxOrderDraft Draft(string pens) => new(_department.CustomerId, _department.Id, null, Morning, null, [Line(Pen, pens)]);

    /// <summary>
    /// An order of <paramref name="pens"/> pens (10 points each) whose points a prize exchange then spent, all but
    /// <paramref name="left"/>.
    /// </summary>
    private async Task<(Order Order, int AccountVersion)> SpentOrderAsync(string pens, int left)
    {
        var saved = await _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(Draft(pens), Guid.NewGuid()));
        await using var db = _database.CreateDbContext();
        var lot = await db.PointLots.SingleAsync(l => l.OrderId == saved.OrderId);
        var spent = lot.Remaining - left;
        lot.Remaining = left;
        db.PointLedger.Add(new PointLedgerEntry
        {
            PointAccountId = lot.PointAccountId, PointLotId = lot.Id, Kind = PointEntryKind.Spend, Points = -spent,
            BusinessDate = new DateOnly(2026, 11, 25), RecordedAt = Morning,
        });
        await db.SaveChangesAsync();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == saved.OrderId);
        return (order, await db.PointAccounts.Where(a => a.Id == lot.PointAccountId).Select(a => a.Version).SingleAsync());
    }

    private async Task<(Order Order, int AccountVersion)> ReloadAsync(int orderId)
    {
        await using var db = _database.CreateDbContext();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
        var version = await db.PointAccounts.Where(a => a.DepartmentId == _department.Id).Select(a => a.Version).SingleAsync();
        return (order, version);
    }

    [Fact]
    public async Task Voiding_an_order_whose_points_were_spent_records_and_returns_the_shortfall()
    {
        var (order, accountVersion) = await SpentOrderAsync("3", left: 10);

        var voided = await _database.FaxOrders().VoidAsync(new FaxOrderVoid(order.Id, order.Version, "誤入力"));

        var (after, versionAfter) = await ReloadAsync(order.Id);
        Assert.Equal(20, voided.PointsShortfall);
        Assert.Equal(20, after.PointsShortfall);
        Assert.True(versionAfter > accountVersion, "the point account's version must move");
        Assert.Equal(20, (await _database.FaxOrders().GetOrderAsync(order.Id)).PointsShortfall);
        await using var db = _database.CreateDbContext();
        Assert.Contains("\"PointsShortfall\":20", (await db.AuditEntries.SingleAsync(a => a.Action == "Ordering.FaxOrderVoided")).After);
    }

    [Fact]
    public async Task Correcting_an_order_whose_points_were_spent_records_the_shortfall_and_a_later_correction_retries_it()
    {
        var (order, accountVersion) = await SpentOrderAsync("3", left: 0);

        var corrected = await _database.FaxOrders().CorrectAsync(new FaxOrderCorrection(order.Id, order.Version, Draft("1"),
            "数量誤り"));

        var (after, versionAfter) = await ReloadAsync(order.Id);
        Assert.Equal((30, 30), (corrected.PointsShortfall, after.PointsShortfall));
        Assert.True(versionAfter > accountVersion, "the point account's version must move");

        // The corrected order's own 10 points are there to take now: the shortfall still owed is what is left, not the sum.
        var again = await _database.FaxOrders().CorrectAsync(new FaxOrderCorrection(order.Id, after.Version, Draft("2"), "再訂正"));
        Assert.Equal((30, 30), (again.PointsShortfall, (await ReloadAsync(order.Id)).Order.PointsShortfall));
    }

    [Fact]
    public async Task Points_all_taken_back_leave_no_shortfall()
    {
        var saved = await _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(Draft("3"), Guid.NewGuid()));
        var (order, _) = await ReloadAsync(saved.OrderId!.Value);

        var voided = await _database.FaxOrders().VoidAsync(new FaxOrderVoid(order.Id, order.Version, "誤入力"));

        Assert.Equal((0, 0), (voided.PointsShortfall, (await ReloadAsync(order.Id)).Order.PointsShortfall));
    }
}
