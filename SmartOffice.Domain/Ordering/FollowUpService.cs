using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Ordering;

/// <summary>
/// The desk's follow-up (/orders/follow-up, docs/stock-out-and-special-orders.md): stock-out notices not sent, back orders by
/// age, special orders without the maker's date — each oldest first.
/// </summary>
public sealed class FollowUpService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, BusinessClock clock,
    IOptions<FollowUpOptions> options)
{
    /// <summary>Rows per list: the oldest are the ones to chase; the counts above the tabs are whole.</summary>
    public const int RowLimit = 200;

    public async Task<FollowUpView> GetAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        var today = clock.Today;
        var bands = options.Value.Bands;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await FollowUpQueries.CountsAsync(db, today, bands, cancellationToken);
        var notices = await FollowUpQueries.NoticesNotSent(db).OrderBy(o => o.AcceptanceDay).ThenBy(o => o.ReceivedAt).ThenBy(o =>
            o.Id).Take(RowLimit)
            .Select(o => new { o.Id, o.OrderNumber, o.Customer!.Code, o.Customer.Name, o.AcceptanceDay, o.ReceivedAt,
                Short = db.OrderLines.Count(l => l.OrderId == o.Id && l.ShortOfStock) })
            .ToListAsync(cancellationToken);
        var backOrders = await FollowUpQueries.WaitingLines(db)
            .Join(db.Orders, l => l.OrderId, o => o.Id, (l, o) => new { l, o })
            .OrderBy(x => x.o.AcceptanceDay).ThenBy(x => x.o.ReceivedAt).ThenBy(x => x.o.Id).ThenBy(x => x.l.LineNumber).Take(RowLimit)
            .Select(x => new { x.o.Id, x.o.OrderNumber, x.o.Customer!.Name, x.o.AcceptanceDay, x.l.LineNumber, x.l.ProductCode,
                x.l.ProductName, x.l.Quantity })
            .ToListAsync(cancellationToken);
        var specials = await FollowUpQueries.SpecialOrdersWithoutDate(db)
            .OrderBy(s => s.AcceptanceDay).ThenBy(s => s.Order!.ReceivedAt).ThenBy(s => s.Id).Take(RowLimit)
            .Select(s => new { s.OrderId, s.Order!.OrderNumber, s.Id, s.Order.Customer!.Name, s.AcceptanceDay, s.Status,
                Lines = db.OrderLines.Count(l => l.ShipmentId == s.Id) })
            .ToListAsync(cancellationToken);
        return new FollowUpView(counts,
            notices.Select(n => new FollowUpNotice(n.Id, n.OrderNumber, n.Code, n.Name, n.AcceptanceDay, n.ReceivedAt, n.Short,
                FollowUpQueries.Age(today, n.AcceptanceDay))).ToList(),
            backOrders.Select(b => (Row: b, Age: FollowUpQueries.Age(today, b.AcceptanceDay))).Select(b => new FollowUpBackOrder(b.Row.Id,
                b.Row.OrderNumber, b.Row.Name,
                b.Row.AcceptanceDay, b.Row.LineNumber, b.Row.ProductCode, b.Row.ProductName, b.Row.Quantity, b.Age,
                    FollowUpQueries.Band(bands, b.Age))).ToList(),
            specials.Select(s => new FollowUpSpecialOrder(s.OrderId, s.OrderNumber, s.Id, s.Name, s.AcceptanceDay, s.Lines, s.Status,
                FollowUpQueries.Age(today, s.AcceptanceDay))).ToList(),
            RowLimit);
    }
}

/// <summary>The follow-up's queries, shared by its page and the dashboard's figures.</summary>
internal static class FollowUpQueries
{
    /// <summary>Orders not voided with a line short of stock whose notice nobody marked sent.</summary>
    public static IQueryable<Order> NoticesNotSent(SmartOfficeDbContext db) =>
        db.Orders.Where(o => o.StockOutNoticeSentAt == null && o.Status != OrderStatus.Voided
                             && db.OrderLines.Any(l => l.OrderId == o.Id && l.ShortOfStock));

    public static IQueryable<OrderLine> WaitingLines(SmartOfficeDbContext db) => db.OrderLines.Where(l =>
        l.BackOrder == BackOrderState.Waiting);

    /// <summary>Special-order shipments still on their way (not delivered, voided or waiting for stock) without a date.</summary>
    public static IQueryable<Shipment> SpecialOrdersWithoutDate(SmartOfficeDbContext db) =>
        db.Shipments.Where(s => s.DeliveryClass == DeliveryClass.SpecialOrder && s.DeliveryDate == null
                                && (s.Status == ShipmentStatus.Open || s.Status == ShipmentStatus.Instructed
                                    || s.Status == ShipmentStatus.Shipped)
                                && s.Order!.Status != OrderStatus.Voided);

    public static async Task<FollowUpCounts> CountsAsync(SmartOfficeDbContext db, DateOnly today, IReadOnlyList<int> bands,
        CancellationToken cancellationToken)
    {
        var waitingSince = await WaitingLines(db).Join(db.Orders, l => l.OrderId, o => o.Id, (l, o) => o.AcceptanceDay)
            .GroupBy(day => day).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byBand = new int[bands.Count + 1];
        foreach (var w in waitingSince)
            byBand[Band(bands, Age(today, w.Day))] += w.Count;
        return new FollowUpCounts(
            await NoticesNotSent(db).CountAsync(cancellationToken),
            byBand.Select((count, i) => new FollowUpBand(i == 0 ? 0 : bands[i - 1], i < bands.Count ? bands[i] : null, count)).ToList(),
            await SpecialOrdersWithoutDate(db).CountAsync(cancellationToken));
    }

    /// <summary>Days since the 受付日 (docs/stock-out-and-special-orders.md), never negative.</summary>
    public static int Age(DateOnly today, DateOnly since) => Math.Max(0, today.DayNumber - since.DayNumber);

    /// <summary>The band of <paramref name="ageDays"/>: how many band starts it has reached.</summary>
    public static int Band(IReadOnlyList<int> bands, int ageDays) => bands.Count(start => ageDays >= start);
}
