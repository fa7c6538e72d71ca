using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Demo;

/// <summary>
/// The audit trail the demo desk would have left: the FAX orders keyed and the return slips received in the last
/// <see cref="Days"/> days, by the staff who keyed them, at the time they did — so the audit page (監査ログ) opens on a working
/// desk's history rather than an empty table. Read from the records just written; deterministic as they are.
/// </summary>
internal sealed class AuditPhase(IDbContextFactory<SmartOfficeDbContext> contexts, BusinessClock clock)
{
    private const int Days = 7;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = clock.Now.AddDays(-Days);
        var staff = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var orders = await db.Orders.AsNoTracking().Where(o => o.KeyedAt != null && o.KeyedAt >= since && o.KeyedByStaffId != null)
            .OrderBy(o => o.Id).Select(o => new
            {
                o.OrderNumber, o.Status, o.ReceivedAt, o.AcceptanceDay, o.GoodsSubtotal, o.ShippingFee, o.Total, o.PointsEarned,
                KeyedAt = o.KeyedAt!.Value, o.KeyedByStaffId, Lines = o.Lines.Count,
            }).ToListAsync(cancellationToken);
        foreach (var o in orders)
            db.AuditEntries.Add(Entry(o.KeyedAt, o.KeyedByStaffId!, staff, "Ordering.FaxOrderSaved", "Order", o.OrderNumber, new
            {
                o.OrderNumber, o.Status, o.ReceivedAt, o.AcceptanceDay, o.GoodsSubtotal, o.ShippingFee, o.Total, o.PointsEarned, o.Lines,
            }));
        var slips = await db.ReturnSlips.AsNoTracking().Where(s => s.CreatedAt >= since).OrderBy(s => s.Id)
            .Select(s => new { s.SlipNumber, s.CreatedAt, s.CreatedByStaffId,
                Order = db.Orders.Where(o => o.Id == s.OrderId).Select(o => o.OrderNumber).First() })
            .ToListAsync(cancellationToken);
        foreach (var s in slips)
            db.AuditEntries.Add(Entry(s.CreatedAt, s.CreatedByStaffId, staff, "Returns.Received", "ReturnSlip", s.SlipNumber,
                new { s.Order }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static AuditEntry Entry(DateTimeOffset at, string staffId, IReadOnlyDictionary<string, string> staff, string action,
        string type, string id,
        object after) => new()
    {
        At = at, StaffId = staffId, StaffName = staff.GetValueOrDefault(staffId, staffId), Action = action, EntityType = type,
            EntityId = id,
        After = AuditTrail.Json(after),
    };
}
