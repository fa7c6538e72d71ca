using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>Voiding and correcting a saved order while its cutoff batch is open.</summary>
public sealed partial class FaxOrderServiceTests
{
    // ---- void and correct ----

    private async Task<(int Id, int Version)> SavedAsync(params FaxOrderDraftLine[] lines)
    {
        var saved = await Service.SaveAsync(Save(Draft(lines)));
        var order = await LoadAsync(saved.OrderId!.Value);
        return (order.Id, order.Version);
    }

    private async Task<int> PointBalanceAsync()
    {
        await using var db = _database.CreateDbContext();
        var lots = await db.PointLots.SumAsync(l => l.Remaining);
        var ledger = await db.PointLedger.SumAsync(e => e.Points);
        Assert.Equal(ledger, lots);
        return lots;
    }

    [Fact]
    public async Task Voiding_before_the_batch_closes_restores_stock_and_points_and_is_audited()
    {
        var (id, version) = await SavedAsync(Line(Pen, "3"), Line(Scarce, "9"));
        // A short line stays on the order (the customer is told by the stock-out notice) but, back-ordered, earns nothing (issue 20).
        Assert.Equal(30, await PointBalanceAsync());

        await Service.VoidAsync(new FaxOrderVoid(id, version, "二重入力のため"));

        var order = await LoadAsync(id);
        Assert.Equal((OrderStatus.Voided, "二重入力のため", 0), (order.Status, order.VoidReason, order.PointsEarned));
        Assert.All(order.Shipments, s => Assert.Equal(ShipmentStatus.Voided, s.Status));
        // The short line reserved nothing and gives nothing back.
        Assert.Equal((100, 5), (await _database.StockOfAsync(Pen), await _database.StockOfAsync(Scarce)));
        Assert.Equal(0, await PointBalanceAsync());
        Assert.False((await Service.GetOrderAsync(id)).MayCorrect);
        await using var db = _database.CreateDbContext();
        Assert.Equal("二重入力のため", (await db.AuditEntries.SingleAsync(a => a.Action == "Ordering.FaxOrderVoided")).Note);
    }

    [Fact]
    public async Task A_void_needs_a_reason_and_the_version_the_agent_saw()
    {
        var (id, version) = await SavedAsync(Line(Pen, "3"));

        var noReason = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.VoidAsync(new FaxOrderVoid(id, version, "  ")));
        var stale = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.VoidAsync(new FaxOrderVoid(id, version - 1,
            "誤入力")));

        Assert.Equal("Ordering.ReasonRequired", noReason.Key);
        Assert.Equal("Ordering.OrderChanged", stale.Key);
        Assert.Equal(OrderStatus.Accepted, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Once_a_shipment_is_instructed_the_order_can_no_longer_be_voided_or_corrected()
    {
        var (id, version) = await SavedAsync(Line(Pen, "3"), Line(Desk, "1"));
        await using (var db = _database.CreateDbContext())
        {
            // As the cutoff batch moves it: one UPDATE, its version bumped.
            var instructed = await db.Shipments.Where(s => s.OrderId == id && s.DeliveryClass == DeliveryClass.Furniture)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ShipmentStatus.Instructed).SetProperty(x => x.Version,
                    x => x.Version + 1));
            Assert.Equal(1, instructed);
        }

        var voiding = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.VoidAsync(new FaxOrderVoid(id, version, "誤入力")));
        var correcting = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Service.CorrectAsync(new FaxOrderCorrection(id, version, Draft(Line(Pen, "1")), "数量誤り")));

        Assert.Equal("Ordering.BatchClosed", voiding.Key);
        Assert.Equal("Ordering.BatchClosed", correcting.Key);
        Assert.False((await Service.GetOrderAsync(id)).MayCorrect);
        Assert.Equal((97, 9), (await _database.StockOfAsync(Pen), await _database.StockOfAsync(Desk)));
    }

    [Fact]
    public async Task Correcting_replaces_the_lines_under_the_same_number_and_stock_and_points_follow()
    {
        var (id, version) = await SavedAsync(Line(Pen, "3"), Line(Tea, "1"));
        var number = (await LoadAsync(id)).OrderNumber;
        Assert.True((await Service.GetOrderAsync(id)).MayCorrect);

        var corrected = await Service.CorrectAsync(new FaxOrderCorrection(id, version, Draft(Line(Pen, "5"), Line(Scarce, "2")),
            "数量の読み違い"));

        var order = await LoadAsync(id);
        Assert.Equal((id, number), (corrected.OrderId!.Value, order.OrderNumber));
        Assert.Equal([(Pen, 5), (Scarce, 2)], order.Lines.OrderBy(l => l.LineNumber).Select(l => (l.ProductCode, l.Quantity)));
        Assert.Equal((5400, 54), (order.GoodsSubtotal, order.PointsEarned));
        Assert.Equal((95, 3, 100), (await _database.StockOfAsync(Pen), await _database.StockOfAsync(Scarce),
            await _database.StockOfAsync(Tea)));
        Assert.Equal(54, await PointBalanceAsync());
        Assert.True(order.Version > version);

        // A second correction reverses only what the first one earned.
        await Service.CorrectAsync(new FaxOrderCorrection(id, order.Version, Draft(Line(Pen, "1")), "再訂正"));
        Assert.Equal(10, await PointBalanceAsync());
        Assert.Equal((99, 5), (await _database.StockOfAsync(Pen), await _database.StockOfAsync(Scarce)));
        await using var db = _database.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "Ordering.FaxOrderCorrected"));
    }

    [Fact]
    public async Task A_correction_cannot_move_the_order_to_another_customer()
    {
        var (id, version) = await SavedAsync(Line(Pen, "3"));
        var other = await _database.AddCustomerAsync("D1", "10000026");

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.CorrectAsync(new FaxOrderCorrection(id, version,
            new FaxOrderDraft(other.CustomerId, other.Id, null, Morning, null, [Line(Pen, "1")]), "お客様違い")));

        Assert.Equal("Ordering.CorrectionOtherCustomer", error.Key);
    }

    [Fact]
    public async Task Points_already_spent_are_reversed_from_other_lots_and_never_below_zero()
    {
        var (first, _) = await SavedAsync(Line(Pen, "3"));
        var (second, version) = await SavedAsync(Line(Pen, "5"));
        await using (var db = _database.CreateDbContext())
        {
            // A prize exchange spent 45 of the 80 points: all of the second order's lot but 5, and 0 of the first's.
            var lot = await db.PointLots.SingleAsync(l => l.OrderId == second);
            lot.Remaining -= 45;
            db.PointLedger.Add(new PointLedgerEntry
            {
                PointAccountId = lot.PointAccountId, PointLotId = lot.Id, Kind = PointEntryKind.Spend, Points = -45,
                BusinessDate = Wednesday, RecordedAt = Morning,
            });
            await db.SaveChangesAsync();
        }

        await Service.VoidAsync(new FaxOrderVoid(second, version, "誤入力"));

        // 5 from its own lot, the other 45 from the first order's lot: 30 − 30 = 0 left there, 15 short.
        Assert.Equal(0, await PointBalanceAsync());
        await using var check = _database.CreateDbContext();
        Assert.Equal(-35,
            await check.PointLedger.Where(e => e.OrderId == second && e.Kind == PointEntryKind.Reversal).SumAsync(e => e.Points));
        Assert.Equal(0, await check.PointLots.Where(l => l.OrderId == first).Select(l => l.Remaining).SingleAsync());
    }
}
