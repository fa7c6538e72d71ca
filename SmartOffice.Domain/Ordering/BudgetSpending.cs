using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Ordering;

/// <summary>予算 used: what order entry's budget check and the customer panel both count (docs/business-rules.md §6).</summary>
internal static class BudgetSpending
{
    /// <summary>
    /// Per department, its non-voided orders with a 受付日 in [<paramref name="from"/>, <paramref name="to"/>): goods subtotals,
    /// plus back orders still waiting (committed, though not billed yet; served ones are in the goods subtotal, and so are those
    /// of before Issue 20, billed at acceptance: their amount is kept). <paramref name="correcting"/>: an order left out.
    /// </summary>
    public static async Task<Dictionary<int, long>> SpentAsync(SmartOfficeDbContext db, IReadOnlyCollection<int> departmentIds,
        DateOnly from,
        DateOnly to, int? correcting, CancellationToken cancellationToken)
    {
        var orders = db.Orders.AsNoTracking()
            .Where(o => departmentIds.Contains(o.DepartmentId) && o.AcceptanceDay >= from && o.AcceptanceDay < to
                && o.Status != OrderStatus.Voided
                        && o.Id != correcting);
        var billed = await orders.GroupBy(o => o.DepartmentId).Select(g => new { g.Key, Sum = g.Sum(o => (long)o.GoodsSubtotal) })
            .ToDictionaryAsync(x => x.Key, x => x.Sum, cancellationToken);
        var waiting = await db.OrderLines.AsNoTracking()
            .Where(l => l.BackOrder == BackOrderState.Waiting && l.Amount == 0 && l.OrderId != correcting)
            .Join(orders, l => l.OrderId, o => o.Id, (l, o) => new { o.DepartmentId, Amount = (long)l.UnitPrice * l.Quantity })
            .GroupBy(x => x.DepartmentId).Select(g => new { g.Key, Sum = g.Sum(x => x.Amount) })
            .ToDictionaryAsync(x => x.Key, x => x.Sum, cancellationToken);
        return departmentIds.Distinct().ToDictionary(d => d, d => billed.GetValueOrDefault(d) + waiting.GetValueOrDefault(d));
    }
}
