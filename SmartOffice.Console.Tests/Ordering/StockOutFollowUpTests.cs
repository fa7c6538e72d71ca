using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Console.Tests.Warehouse;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Warehouse;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// Issue 20 items 4 and 5 on a real SQLite file through the real services (docs/stock-out-and-special-orders.md): the desk marks
/// a stock-out notice sent (who, when, once, only with short lines); records the maker's date of a special order, which becomes
/// the planned delivery date the delivery job delivers on; the follow-up lists each oldest first with back orders in the age
/// bands of the settings.
/// </summary>
public sealed class StockOutFollowUpTests : IAsyncLifetime
{
    /// <summary>Thursday 26 Nov 2026, 10:00 Japan time.</summary>
    private static readonly DateTimeOffset Now = TestDatabase.JapanTime(2026, 11, 26, 10, 0);
    private readonly TestDatabase _database = new(Now);
    private Department _department = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private StockOutNoticeService Notices(ICurrentStaff? staff = null) => new(_database, staff ?? TestStaff.DeskAgent, _database.Clock);

    private SpecialOrderService SpecialOrders => new(_database, TestStaff.DeskAgent, _database.Clock, _database.BusinessClock,
        Options.Create(new FollowUpOptions()));

    private FollowUpService FollowUp(params int[] bands) =>
        new(_database, TestStaff.DeskAgent, _database.BusinessClock, Options.Create(new FollowUpOptions { BackOrderAgeBands = bands }));

    private async Task<Order> SaveAsync(DateTimeOffset received, params FaxOrderDraftLine[] lines)
    {
        var draft = new FaxOrderDraft(_department.CustomerId, _department.Id, null, received, null, lines);
        var saved = await _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(draft, Guid.NewGuid()));
        return await OrderAsync(saved.OrderId!.Value);
    }

    private async Task<Order> OrderAsync(int id)
    {
        await using var db = _database.CreateDbContext();
        return await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Shipments).AsSplitQuery().SingleAsync(o => o.Id == id);
    }

    private async Task<List<string>> AuditAsync(string action)
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditEntries.Where(a => a.Action == action).Select(a => a.StaffName + " " + a.EntityId).ToListAsync();
    }

    [Fact]
    public async Task The_notice_is_marked_sent_once_with_who_and_when_and_only_for_an_order_with_a_short_line()
    {
        var order = await SaveAsync(Now.AddHours(-1), Line(Pen, "1"), Line(Scarce, "6"));
        var plain = await SaveAsync(Now.AddHours(-1), Line(Pen, "2"));

        var sent = await Notices().MarkSentAsync(order.Id, order.Version);

        Assert.Equal((Now, TestStaff.DeskAgent.Name), (sent.At, sent.By));
        var notice = await _database.FaxOrders().GetStockOutNoticeAsync(order.Id);
        Assert.Equal(sent, notice.Sent);
        Assert.Equal([$"{TestStaff.DeskAgent.Name} {order.OrderNumber}"], await AuditAsync("Ordering.StockOutNoticeSent"));
        var again = await Assert.ThrowsAsync<BusinessRuleException>(() => Notices(TestStaff.Supervisor).MarkSentAsync(order.Id,
            notice.Version));
        Assert.Equal("Ordering.StockOutNotice.AlreadySent", again.Key);
        var none = await Assert.ThrowsAsync<BusinessRuleException>(() => Notices().MarkSentAsync(plain.Id, plain.Version));
        Assert.Equal("Ordering.StockOutNotice.NoShortLines", none.Key);
        Assert.Single(await AuditAsync("Ordering.StockOutNoticeSent"));
        Assert.Equal(TestStaff.DeskAgent.Name, (await OrderAsync(order.Id)).StockOutNoticeSentBy);
    }

    [Fact]
    public async Task A_stale_page_or_a_dealer_rep_cannot_mark_the_notice()
    {
        var order = await SaveAsync(Now.AddHours(-1), Line(Scarce, "6"));

        var stale = await Assert.ThrowsAsync<BusinessRuleException>(() => Notices().MarkSentAsync(order.Id, order.Version + 1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Notices(TestStaff.DealerRep(1)).MarkSentAsync(order.Id, order.Version));

        Assert.Equal("Ordering.OrderChanged", stale.Key);
        Assert.Null((await OrderAsync(order.Id)).StockOutNoticeSentAt);
    }

    [Fact]
    public async Task The_advised_date_becomes_the_planned_date_and_the_delivery_job_delivers_on_it()
    {
        var order = await SaveAsync(Now.AddHours(-1), Line(Pen, "1"), Line(Special, "2"));
        var special = order.Shipments.Single(s => s.DeliveryClass == Domain.Rules.DeliveryClass.SpecialOrder);
        Assert.Null(special.DeliveryDate);
        // The warehouse ships it without a carrier's date: nothing to deliver on yet.
        await using (var db = _database.CreateDbContext())
            await db.Shipments.Where(s => s.OrderId == order.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status,
                ShipmentStatus.Instructed));
        var line = order.Lines.Single(l => l.ProductCode == Special).LineNumber;
        _database.DropResults("R1.csv", [WarehouseTestData.Row(special.Id, line, 2, "2026/11/26")]);
        Assert.Equal(1, await _database.Import().ScanAsync(waitForStableFiles: false));
        await using (var db = _database.CreateDbContext())
            Assert.Equal([(DateOnly?)null],
                await db.ShipmentResults.Where(r => r.ShipmentId == special.Id).Select(r => r.DeliveryDate).ToListAsync());

        var date = await SpecialOrders.RecordAdvisedDateAsync(new SpecialOrderDate(order.Id, order.Version, special.Id,
            "２０２６/１２/０２"));

        Assert.Equal(new DateOnly(2026, 12, 2), date);
        Assert.Equal(date, (await OrderAsync(order.Id)).Shipments.Single(s => s.Id == special.Id).DeliveryDate);
        Assert.Single(await AuditAsync("Ordering.SpecialOrderDateAdvised"));
        _database.Clock.Advance(TimeSpan.FromDays(6));
        await new DeliveryJobService(_database, _database.BusinessClock).RunAsync(JobRunTrigger.Manual);
        var delivered = await OrderAsync(order.Id);
        Assert.Equal(2, delivered.Lines.Single(l => l.LineNumber == line).DeliveredQuantity);
        Assert.Equal(ShipmentStatus.Delivered, delivered.Shipments.Single(s => s.Id == special.Id).Status);
    }

    [Theory]
    [InlineData("", "Ordering.SpecialOrder.DateMissing")]
    [InlineData("12月2日", "Ordering.SpecialOrder.DateNotValid")]
    [InlineData("2026/11/25", "Ordering.SpecialOrder.BeforeAcceptance")]
    [InlineData("2099/01/01", "Ordering.SpecialOrder.TooFar")]
    public async Task A_wrong_date_is_refused_and_nothing_is_saved(string date, string key)
    {
        var order = await SaveAsync(Now.AddHours(-1), Line(Special, "1"));

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            SpecialOrders.RecordAdvisedDateAsync(new SpecialOrderDate(order.Id, order.Version, order.Shipments.Single().Id, date)));

        Assert.Equal(key, refused.Key);
        Assert.Null((await OrderAsync(order.Id)).Shipments.Single().DeliveryDate);
        Assert.Empty(await AuditAsync("Ordering.SpecialOrderDateAdvised"));
    }

    [Fact]
    public async Task Only_a_special_order_of_an_order_not_voided_takes_a_date()
    {
        var standard = await SaveAsync(Now.AddHours(-1), Line(Pen, "1"));
        var voided = await SaveAsync(Now.AddHours(-1), Line(Special, "1"));
        await _database.FaxOrders().VoidAsync(new FaxOrderVoid(voided.Id, voided.Version, "お客様のご依頼"));
        voided = await OrderAsync(voided.Id);

        var notSpecial = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            SpecialOrders.RecordAdvisedDateAsync(new SpecialOrderDate(standard.Id, standard.Version, standard.Shipments.Single().Id,
                "2026/12/02")));
        var onVoided = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            SpecialOrders.RecordAdvisedDateAsync(new SpecialOrderDate(voided.Id, voided.Version, voided.Shipments.Single().Id,
                "2026/12/02")));

        Assert.Equal(("Ordering.SpecialOrder.NotSpecialOrder", "Ordering.SpecialOrder.OrderVoided"), (notSpecial.Key, onVoided.Key));
    }

    [Fact]
    public async Task The_follow_up_lists_each_oldest_first_with_back_orders_in_the_bands_of_the_settings()
    {
        // Accepted 20 Nov (6 days), 24 Nov (2 days), 26 Nov (today).
        var old = await SaveAsync(TestDatabase.JapanTime(2026, 11, 20, 10, 0), Line(Scarce, "6"), Line(Special, "1"));
        var middle = await SaveAsync(TestDatabase.JapanTime(2026, 11, 24, 10, 0), Line(Scarce, "1"), Line(Special, "1"));
        var fresh = await SaveAsync(Now.AddHours(-1), Line(Scarce, "1"));

        var view = await FollowUp(2, 5).GetAsync();

        Assert.Equal([old.OrderNumber, middle.OrderNumber, fresh.OrderNumber], view.Notices.Select(n => n.OrderNumber));
        Assert.Equal([6, 2, 0], view.BackOrders.Select(b => b.AgeDays));
        Assert.Equal([2, 1, 0], view.BackOrders.Select(b => b.Band));
        Assert.Equal([(0, (int?)2, 1), (2, 5, 1), (5, null, 1)], view.Counts.BackOrdersByAge.Select(b => (b.FromDays, b.ToDays, b.Count)));
        Assert.Equal([old.OrderNumber, middle.OrderNumber], view.SpecialOrders.Select(s => s.OrderNumber));
        Assert.Equal((3, 2), (view.Counts.NoticesNotSent, view.Counts.SpecialOrdersWithoutDate));

        // Sent and dated, they leave the lists; the dashboard counts the same.
        await Notices().MarkSentAsync(old.Id, old.Version);
        var shipment = middle.Shipments.Single(s => s.DeliveryClass == Domain.Rules.DeliveryClass.SpecialOrder).Id;
        await SpecialOrders.RecordAdvisedDateAsync(new SpecialOrderDate(middle.Id, middle.Version, shipment, "2026/12/10"));
        var after = await FollowUp(2, 5).GetAsync();
        Assert.Equal([middle.OrderNumber, fresh.OrderNumber], after.Notices.Select(n => n.OrderNumber));
        Assert.Equal([old.OrderNumber], after.SpecialOrders.Select(s => s.OrderNumber));
        var dashboard = await new Domain.Reporting.DashboardService(_database, TestStaff.DeskAgent, _database.BusinessClock,
            _database.Calendar, _database.Rules,
            Options.Create(new FollowUpOptions { BackOrderAgeBands = [2, 5] })).GetAsync();
        Assert.Equal(after.Counts.NoticesNotSent, dashboard.FollowUp!.NoticesNotSent);
        Assert.Equal(after.Counts.BackOrdersByAge, dashboard.FollowUp.BackOrdersByAge);
        Assert.Equal(1, dashboard.FollowUp.SpecialOrdersWithoutDate);
        var rep = await new Domain.Reporting.DashboardService(_database, TestStaff.DealerRep(1), _database.BusinessClock,
            _database.Calendar, _database.Rules,
            Options.Create(new FollowUpOptions())).GetAsync();
        Assert.Null(rep.FollowUp);
    }
}
