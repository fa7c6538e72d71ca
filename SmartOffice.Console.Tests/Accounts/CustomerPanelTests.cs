using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.FaxInbox;
using SmartOffice.Console.Tests.Points;
using SmartOffice.Console.Tests.Returns;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>
/// The customer at a glance on a real SQLite file (docs/product-enquiry-and-quotes.md): every section, the figures counted in
/// Japan time — it is 00:30 on 1 December in Japan and still 30 November in UTC — and who may see it.
/// </summary>
public sealed class CustomerPanelTests : IAsyncLifetime
{
    private static readonly DateTimeOffset JustAfterMidnight = TestDatabase.JapanTime(2026, 12, 1, 0, 30);
    private readonly TestDatabase _database = new(JustAfterMidnight);
    private Department _department = default!;
    private Department _other = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
        _other = await _database.AddCustomerAsync("D2", "20000017");
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private CustomerPanelService Panel(ICurrentStaff? staff = null) =>
        new(_database, staff ?? TestStaff.DeskAgent, _database.BusinessClock);

    private async Task<FaxOrderSaveResult> OrderAsync(Department department, DateTimeOffset receivedAt, params FaxOrderDraftLine[] lines) =>
        await _database.FaxOrders().SaveAsync(new(new FaxOrderDraft(department.CustomerId, department.Id, null, receivedAt, null, lines),
            Guid.NewGuid(),
            SoftBudgetConfirmed: true, DuplicateConfirmed: true));

    [Fact]
    public async Task Budget_used_counts_the_orders_accepted_this_month_in_Japan_time_and_waiting_back_orders()
    {
        await _database.UpdateAsync<Department>(_department.Id, d => d.MonthlyBudget = 50_000);
        // Accepted on 27 November: last month's budget, though it is still November in UTC.
        await OrderAsync(_department, TestDatabase.JapanTime(2026, 11, 27, 10, 0), Line(Pen, "7"));
        await OrderAsync(_department, JustAfterMidnight, Line(Pen, "2"), Line(Tea, "3"));
        // 9 of a product with 5 in stock: the line waits for stock, not billed yet, but committed (9 × 200).
        await OrderAsync(_department, JustAfterMidnight, Line(Scarce, "9"));
        var voided = await OrderAsync(_department, JustAfterMidnight, Line(Desk, "1"));
        await _database.FaxOrders().VoidAsync(new(voided.OrderId!.Value, await VersionOfAsync(voided.OrderId.Value), "お客様の取消"));

        var panel = await Panel().GetAsync(_department.CustomerId);

        var department = Assert.Single(panel.Departments);
        Assert.Equal((50_000, 2 * 1000 + 3 * 333 + 9 * 200L), (department.MonthlyBudget, department.SpentThisMonth));
    }

    private async Task<int> VersionOfAsync(int orderId)
    {
        await using var db = _database.CreateDbContext();
        return await db.Orders.Where(o => o.Id == orderId).Select(o => o.Version).SingleAsync();
    }

    [Fact]
    public async Task Points_expiring_this_month_are_those_valid_through_the_end_of_December_in_Japan_time()
    {
        var account = await _database.AddAccountAsync(_department);
        await using (var db = _database.CreateDbContext())
        {
            db.PointLots.AddRange(
                // Valid through 30 November: expired in Japan, though UTC still says 30 November.
                Lot(account, 100, new DateOnly(2026, 11, 30)),
                Lot(account, 40, new DateOnly(2026, 12, 1)),
                Lot(account, 60, new DateOnly(2026, 12, 31)),
                Lot(account, 500, new DateOnly(2027, 1, 1)));
            await db.SaveChangesAsync();
        }

        var panel = await Panel().GetAsync(_department.CustomerId);

        Assert.Equal((600, 100), (panel.PointBalance, panel.PointsExpiringThisMonth));
        Assert.Equal(account.Id, Assert.Single(panel.Departments).PointAccountId);
    }

    private static PointLot Lot(PointAccount account, int points, DateOnly validThrough) =>
        new() { PointAccountId = account.Id, Points = points, Remaining = points, EarnedOn = validThrough.AddYears(-1),
            ValidThrough = validThrough };

    [Fact]
    public async Task Every_section_holds_the_customers_own_open_records_and_nothing_closed_or_of_another_customer()
    {
        await _database.UpdateAsync<Dealer>(await _database.DealerIdOfAsync(_department), d =>
            (d.ContactPerson, d.Fax, d.Email) = ("販売 次郎", "03-0000-0001", "jiro@dealer.example.jp"));
        var open = await OrderAsync(_department, JustAfterMidnight, Line(Pen, "1"));
        var backOrdered = await OrderAsync(_department, JustAfterMidnight, Line(Pen, "1"), Line(Scarce, "9"));
        await OrderAsync(_other, JustAfterMidnight, Line(Pen, "1"));
        var delivered = await _database.AddDeliveredOrderAsync(_department, new DateOnly(2026, 11, 28),
            new DeliveredLine("R0000001", 500, 10));
        var slip = await _database.Returns(TestStaff.DeskAgent).CreateAsync(new(delivered.Id, "10000013", null,
            [new ReturnLineInput(await _database.OrderLineIdAsync(delivered, "R0000001"), 1, ReturnReason.ImageDiffers, Unopened: true)]));
        var locked = await _database.AddWebUserAsync(_department, "u1000001", failures: 10, lockedAt: JustAfterMidnight.AddHours(-1));
        await _database.AddWebUserAsync(_department, "u1000002");
        await _database.AddWebUserAsync(_other, "u2000001", failures: 10, lockedAt: JustAfterMidnight.AddHours(-1));
        var fax = await _database.AddFaxAsync(JustAfterMidnight.AddMinutes(-5), customerId: _department.CustomerId, kind: FaxKind.Order);
        await _database.AddFaxAsync(JustAfterMidnight.AddMinutes(-4), customerId: _other.CustomerId);

        var panel = await Panel().GetAsync(_department.CustomerId);

        Assert.Equal(("10000013", "販売店D1", "販売 次郎", "03-0000-0000", "03-0000-0001", "jiro@dealer.example.jp"),
            (panel.Code, panel.Dealer.Name, panel.Dealer.ContactPerson, panel.Dealer.Phone, panel.Dealer.Fax, panel.Dealer.Email));
        // Newest first; the delivered order is not open. The back-ordered one shows what it waits for: stock, no date yet.
        Assert.Equal([backOrdered.OrderId!.Value, open.OrderId!.Value], panel.OpenOrders.Select(o => o.Id).ToList());
        Assert.Equal(2, panel.OpenOrderCount);
        var first = panel.OpenOrders[1];
        Assert.Equal((ShipmentStatus.Open, new DateOnly(2026, 12, 2)), (first.Status, first.DeliveryDate));
        Assert.Equal((ShipmentStatus.BackOrdered, (DateOnly?)null), (panel.OpenOrders[0].Status, panel.OpenOrders[0].DeliveryDate));
        var waiting = Assert.Single(panel.BackOrders);
        Assert.Equal((backOrdered.OrderId.Value, 2, Scarce, 9),
            (waiting.OrderId, waiting.LineNumber, waiting.ProductCode, waiting.Quantity));
        Assert.Equal((slip.Id, ReturnSlipStatus.Received), (Assert.Single(panel.OpenReturns).Id, panel.OpenReturns[0].Status));
        Assert.Equal([locked.Id], panel.LockedUsers.Select(u => u.Id).ToList());
        Assert.Equal([(fax, FaxKind.Order)], panel.Faxes!.Select(f => (f.Id, f.Kind)).ToList());
    }

    [Fact]
    public async Task Lists_hold_a_glance_and_count_the_rest()
    {
        for (var i = 0; i < CustomerPanelService.MaxRows + 2; i++)
            await OrderAsync(_department, JustAfterMidnight.AddMinutes(-i), Line(Pen, (i + 1).ToString()));

        var panel = await Panel().GetAsync(_department.CustomerId);

        Assert.Equal(CustomerPanelService.MaxRows, panel.OpenOrders.Count);
        Assert.Equal(CustomerPanelService.MaxRows + 2, panel.OpenOrderCount);
    }

    [Fact]
    public async Task A_dealer_rep_sees_their_own_customers_without_the_fax_inbox_and_is_refused_anyone_elses()
    {
        await _database.AddFaxAsync(JustAfterMidnight.AddMinutes(-5), customerId: _department.CustomerId);
        var dealer = await _database.DealerIdOfAsync(_department);

        var own = await Panel(TestStaff.DealerRep(dealer)).GetAsync(_department.CustomerId);

        Assert.Equal("10000013", own.Code);
        Assert.Null(own.Faxes);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Panel(TestStaff.DealerRep(dealer)).GetAsync(_other.CustomerId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Panel(TestStaff.Anonymous).GetAsync(_department.CustomerId));
        Assert.Equal("Accounts.CustomerNotFound",
            (await Assert.ThrowsAsync<BusinessRuleException>(() => Panel().GetAsync(_department.CustomerId + 99))).Key);
    }
}
