using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartOffice.Domain.Ordering;

namespace SmartOffice.Domain.Warehouse;

internal sealed class WarehouseResultsFileConfiguration : IEntityTypeConfiguration<WarehouseResultsFile>
{
    public void Configure(EntityTypeBuilder<WarehouseResultsFile> e)
    {
        // The import's idempotency key, as the FAX inbox's: a file seen again is never a second import.
        e.HasIndex(x => new { x.ContentHash, x.FileName }).IsUnique();
        e.HasIndex(x => x.ImportedAt);
        e.Property(x => x.FileName).HasMaxLength(255);
        e.Property(x => x.ContentHash).HasMaxLength(64);
    }
}

internal sealed class ShipmentResultConfiguration : IEntityTypeConfiguration<ShipmentResult>
{
    public void Configure(EntityTypeBuilder<ShipmentResult> e)
    {
        e.HasIndex(x => x.OrderLineId);
        e.HasIndex(x => new { x.DeliveredOn, x.DeliveryDate });
        e.HasIndex(x => x.DeliverySlipNumber);
        e.Property(x => x.DeliverySlipNumber).HasMaxLength(20);
        e.Property(x => x.Carrier).HasMaxLength(60);
        e.Property(x => x.TrackingNumber).HasMaxLength(30);
        e.HasOne<Shipment>().WithMany().HasForeignKey(x => x.ShipmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.OrderLine).WithMany().HasForeignKey(x => x.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WarehouseResultsFile>().WithMany().HasForeignKey(x => x.WarehouseResultsFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockReceiptConfiguration : IEntityTypeConfiguration<StockReceipt>
{
    public void Configure(EntityTypeBuilder<StockReceipt> e)
    {
        e.HasIndex(x => x.RecordedAt);
        e.HasIndex(x => x.ProductId);
        e.Property(x => x.ProductCode).HasMaxLength(20);
        e.Property(x => x.KeyedByStaffId).HasMaxLength(450);
        e.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WarehouseResultsFile>().WithMany().HasForeignKey(x => x.WarehouseResultsFileId).OnDelete(DeleteBehavior.Restrict);
    }
}
