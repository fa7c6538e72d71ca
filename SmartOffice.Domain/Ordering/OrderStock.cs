using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Ordering;

/// <summary>在庫: what an order's lines take from stock on save and give back on correction or void.</summary>
internal static class OrderStock
{
    /// <summary>Each line takes its quantity in one atomic decrement that never goes below zero; a line it cannot cover is short.</summary>
    public static async Task<IReadOnlyList<int>> ReserveAsync(SmartOfficeDbContext db, IEnumerable<OrderLine> lines, CancellationToken cancellationToken)
    {
        var shortLines = new List<int>();
        foreach (var line in lines.OrderBy(l => l.LineNumber))
        {
            var quantity = line.Quantity;
            var reserved = await db.Products.Where(p => p.Id == line.ProductId && p.StockOnHand >= quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.StockOnHand, p => p.StockOnHand - quantity), cancellationToken);
            line.ShortOfStock = reserved == 0;
            if (line.ShortOfStock)
                shortLines.Add(line.LineNumber);
        }
        return shortLines;
    }

    /// <summary>What the lines reserved goes back (short lines reserved nothing).</summary>
    public static async Task RestoreAsync(SmartOfficeDbContext db, IEnumerable<OrderLine> lines, CancellationToken cancellationToken)
    {
        foreach (var line in lines.Where(l => !l.ShortOfStock))
        {
            var quantity = line.Quantity;
            await db.Products.Where(p => p.Id == line.ProductId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.StockOnHand, p => p.StockOnHand + quantity), cancellationToken);
        }
    }
}
