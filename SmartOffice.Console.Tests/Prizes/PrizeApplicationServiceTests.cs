using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Points;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Prizes;

/// <summary>
/// Prize applications: every refusal, the workflow to shipped and done, and cancellation restoring the same lots and
/// stock.
/// </summary>
public sealed class PrizeApplicationServiceTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private Department _department = default!;
    private PointAccount _account = default!;
    private Prize _prize = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _department = await _database.AddCustomerAsync("D1", "40000001");
        _account = await _database.AddAccountAsync(_department);
        await _database.EarnAsync(_account, 100, new DateOnly(2025, 11, 10), 1);   // valid through 2026-11-30
        await _database.EarnAsync(_account, 400, new DateOnly(2026, 6, 1), 2);     // valid through 2027-06-30
        _prize = await _database.AddPrizeAsync("P001", cost: 150, stock: 3, from: new DateOnly(2026, 4, 1));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private PrizeApplicationService Desk => _database.Applications(TestStaff.DeskAgent);

    private Task<PrizeApplicationRow> ApplyAsync(int quantity = 1, int? prizeId = null) =>
        Desk.ApplyAsync(new(_account.Id, prizeId ?? _prize.Id, quantity, OrderChannel.Fax, TestDatabase.JapanTime(2026, 11, 25, 9, 30)));

    private async Task<int> StockAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Prizes.Where(p => p.Id == _prize.Id).Select(p => p.Stock).SingleAsync();
    }

    [Fact]
    public async Task An_application_spends_oldest_expiring_lots_first_and_takes_stock()
    {
        var application = await ApplyAsync();

        Assert.Equal(PrizeApplicationStatus.Received, application.Status);
        Assert.Matches("^PA261125[0-9]{5}$", application.ApplicationNumber);
        Assert.Equal(350, await _database.BalanceAsync(_account.Id));
        Assert.Equal(2, await StockAsync());
        await using var db = _database.CreateDbContext();
        var spent = await db.PointLedger.Where(e => e.Kind == PointEntryKind.Spend).OrderBy(e => e.Id).Select(e => e.Points).ToListAsync();
        Assert.Equal([-100, -50], spent);
    }

    [Fact]
    public async Task Each_refusal_names_the_reason_and_leaves_points_and_stock_alone()
    {
        var expensive = await _database.AddPrizeAsync("P002", cost: 600, stock: 5, from: new DateOnly(2026, 1, 1));
        var ended = await _database.AddPrizeAsync("P003", cost: 10, stock: 5, from: new DateOnly(2026, 1, 1), to: new DateOnly(2026, 10,
            31));
        var future = await _database.AddPrizeAsync("P004", cost: 10, stock: 5, from: new DateOnly(2026, 12, 1));

        Assert.Equal("Points.InsufficientBalance",
            (await Assert.ThrowsAsync<BusinessRuleException>(() => ApplyAsync(prizeId: expensive.Id))).Key);
        Assert.Equal("Prizes.OutOfStock", (await Assert.ThrowsAsync<BusinessRuleException>(() => ApplyAsync(quantity: 4))).Key);
        Assert.Equal("Prizes.NotActive", (await Assert.ThrowsAsync<BusinessRuleException>(() => ApplyAsync(prizeId: ended.Id))).Key);
        Assert.Equal("Prizes.NotActive", (await Assert.ThrowsAsync<BusinessRuleException>(() => ApplyAsync(prizeId: future.Id))).Key);
        Assert.Equal("Prizes.QuantityPositive", (await Assert.ThrowsAsync<BusinessRuleException>(() => ApplyAsync(quantity: 0))).Key);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.Applications(TestStaff.DealerRep(1))
            .ApplyAsync(new(_account.Id, _prize.Id, 1, OrderChannel.Fax, null)));

        await using (var db = _database.CreateDbContext())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == _department.CustomerId);
            customer.PointsOptedOut = true;
            customer.PointsOptOutFrom = new DateOnly(2026, 11, 1);
            await db.SaveChangesAsync();
        }
        var optedOut = await Assert.ThrowsAsync<BusinessRuleException>(() => ApplyAsync());
        Assert.Equal("Prizes.OptedOut", optedOut.Key);
        Assert.Contains("公費", optedOut.Message);

        Assert.Equal(500, await _database.BalanceAsync(_account.Id));
        Assert.Equal(3, await StockAsync());
        await using var check = _database.CreateDbContext();
        Assert.Empty(await check.PrizeApplications.ToListAsync());
    }

    [Fact]
    public async Task The_workflow_goes_received_arranged_shipped_done_in_order()
    {
        var application = await ApplyAsync();
        var wrong = await Assert.ThrowsAsync<BusinessRuleException>(() => Desk.ShipAsync(application.Id, application.Version, "ヤマト運輸",
            "1234"));
        Assert.Equal("Prizes.WrongStatus", wrong.Key);

        await Desk.ArrangeAsync(application.Id, application.Version);
        var arranged = (await Desk.GetAsync(application.Id)).Application;
        Assert.Equal("Prizes.TrackingRequired", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Desk.ShipAsync(arranged.Id, arranged.Version, "ヤマト運輸", " "))).Key);
        Assert.Equal("Prizes.ApplicationChanged", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Desk.ShipAsync(arranged.Id, application.Version, "ヤマト運輸", "1234"))).Key);
        await Desk.ShipAsync(arranged.Id, arranged.Version, "ヤマト運輸", "４０００－１２３４－５６７８");

        var shipped = await Desk.GetAsync(application.Id);
        Assert.Equal(PrizeApplicationStatus.Shipped, shipped.Application.Status);
        Assert.Equal("4000-1234-5678", shipped.Application.TrackingNumber);
        Assert.Equal("Prizes.CannotCancel", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Desk.CancelAsync(application.Id, shipped.Application.Version, "お客様都合"))).Key);
        await Desk.CompleteAsync(application.Id, shipped.Application.Version);
        var done = await Desk.GetAsync(application.Id);
        Assert.Equal(PrizeApplicationStatus.Done, done.Application.Status);
        Assert.Equal(4, done.History.Count);
        Assert.Empty((await Desk.FindAsync(new(null, 0, 10))).Rows);
        Assert.Single((await Desk.FindAsync(new(PrizeApplicationStatus.Done, 0, 10))).Rows);
    }

    [Fact]
    public async Task Cancel_restores_the_same_lots_and_the_stock_but_a_lot_that_expired_meanwhile_stays_expired()
    {
        var application = await ApplyAsync();   // 100 from the lot lapsing 2026-11-30, 50 from the June 2027 lot
        Assert.Equal("Prizes.CancelReasonRequired", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Desk.CancelAsync(application.Id, application.Version, ""))).Key);

        _database.Clock.Advance(TimeSpan.FromDays(7));   // 2026-12-02: the November lot has lapsed
        var restored = await Desk.CancelAsync(application.Id, application.Version, "お客様のご都合");

        Assert.Equal(50, restored);
        Assert.Equal(400, await _database.BalanceAsync(_account.Id));
        Assert.Equal(3, await StockAsync());
        await using var db = _database.CreateDbContext();
        var restoredLots = await db.PointLedger.Where(e => e.Kind == PointEntryKind.Restore).Select(e => e.PointLotId).ToListAsync();
        var spentLots = await db.PointLedger.Where(e => e.Kind == PointEntryKind.Spend && e.Points == -50)
            .Select(e => e.PointLotId).ToListAsync();
        Assert.Equal(spentLots, restoredLots);
        var detail = await Desk.GetAsync(application.Id);
        Assert.Equal(PrizeApplicationStatus.Cancelled, detail.Application.Status);
        Assert.Equal("お客様のご都合", detail.CancelReason);
    }

    [Fact]
    public async Task Only_a_supervisor_edits_the_catalog_and_a_stale_edit_is_refused()
    {
        var edit = new PrizeEdit(0, 0, "ｐ１００", "クオカード 1,000円分", 1000, 20, new DateOnly(2026, 12, 1), null);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.Catalog(TestStaff.DeskAgent).SaveAsync(edit));
        var supervisor = _database.Catalog(TestStaff.Supervisor);
        Assert.Equal("Prizes.PeriodReversed", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            supervisor.SaveAsync(edit with { ActiveTo = new DateOnly(2026, 11, 1) }))).Key);
        Assert.Equal("Prizes.CostPositive",
            (await Assert.ThrowsAsync<BusinessRuleException>(() => supervisor.SaveAsync(edit with { PointCost = 0 }))).Key);

        var id = await supervisor.SaveAsync(edit);
        var row = (await supervisor.ListAsync(activeOnly: false)).Single(p => p.Id == id);
        Assert.Equal("P100", row.Code);
        Assert.False(row.IsActiveToday);
        Assert.Equal("Prizes.CodeTaken", (await Assert.ThrowsAsync<BusinessRuleException>(() => supervisor.SaveAsync(edit))).Key);

        await supervisor.SaveAsync(edit with { Id = id, Version = row.Version, Stock = 25 });
        Assert.Equal("Prizes.PrizeChanged", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            supervisor.SaveAsync(edit with { Id = id, Version = row.Version, Stock = 30 }))).Key);
        Assert.Equal("Prizes.ImageType", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            supervisor.SetImageAsync(id, row.Version + 1, [1, 2, 3], "application/pdf"))).Key);
        await supervisor.SetImageAsync(id, row.Version + 1, [0x89, 0x50, 0x4E, 0x47], "image/png");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await supervisor.ImageAsync(id))!.Data);
    }
}
