using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Ordering;

/// <summary>在庫: what an order's lines take from stock on save and give back on correction or void.</summary>
internal static class OrderStock
{
    /// <summary>
    /// Each line served at acceptance takes its quantity in one atomic decrement that never goes below zero. Pricing, inside the
    /// same transaction, decided which lines are served; should the stock have gone meanwhile (another save on a provider
    /// without SQLite's serialised writes), the save is refused whole and the agent saves again.
    /// </summary>
    public static async Task<IReadOnlyList<int>> ReserveAsync(SmartOfficeDbContext db, IEnumerable<OrderLine> lines,
        CancellationToken cancellationToken)
    {
        foreach (var line in lines.Where(l => l.BackOrder == BackOrderState.None).OrderBy(l => l.LineNumber))
        {
            var quantity = line.Quantity;
            var reserved = await db.Products.Where(p => p.Id == line.ProductId && p.StockOnHand >= quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.StockOnHand, p => p.StockOnHand - quantity), cancellationToken);
            if (reserved == 0)
                throw new BusinessRuleException("Ordering.StockChanged", line.LineNumber);
        }
        return lines.Where(l => l.ShortOfStock).Select(l => l.LineNumber).Order().ToList();
    }

    /// <summary>What the served lines reserved goes back (waiting and cancelled back orders reserved nothing).</summary>
    public static async Task RestoreAsync(SmartOfficeDbContext db, IEnumerable<OrderLine> lines, CancellationToken cancellationToken)
    {
        foreach (var line in lines.Where(l => l.BackOrder == BackOrderState.None))
        {
            var quantity = line.Quantity;
            await db.Products.Where(p => p.Id == line.ProductId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.StockOnHand, p => p.StockOnHand + quantity), cancellationToken);
        }
    }
}
