using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Warehouse;

/// <summary>入荷: a receipt, from a file or keyed, adds to the product's stock and serves its waiting back orders at once.</summary>
internal static class StockReceiving
{
    /// <summary>In the caller's transaction: the receipt recorded, the stock raised, the back orders served
    /// (docs/back-orders.md).</summary>
    public static async Task ReceiveAsync(SmartOfficeDbContext db, BackOrderServing serving, StockReceipt receipt,
        CancellationToken cancellationToken)
    {
        var quantity = receipt.Quantity;
        await db.Products.Where(p => p.Id == receipt.ProductId)
            .ExecuteUpdateAsync(s =>
                s.SetProperty(p => p.StockOnHand, p => p.StockOnHand + quantity).SetProperty(p => p.Version, p => p.Version + 1),
                cancellationToken);
        receipt.ServedQuantity = await serving.ServeAsync(db, receipt.ProductId, cancellationToken);
        db.StockReceipts.Add(receipt);
        await db.SaveChangesAsync(cancellationToken);
    }
}
