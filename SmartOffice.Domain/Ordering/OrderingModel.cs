using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartOffice.Domain.Accounts;

namespace SmartOffice.Domain.Ordering;

internal sealed class ProductCategoryConfiguration : IEntityTypeConfiguration<ProductCategory>
{
    public void Configure(EntityTypeBuilder<ProductCategory> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Code).HasMaxLength(16);
        e.Property(x => x.Name).HasMaxLength(60);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Code).HasMaxLength(20);
        e.Property(x => x.Name).HasMaxLength(120);
        e.Property(x => x.Maker).HasMaxLength(60);
        // Computed by the entity (its setter stores nothing): EF reads the property, never a field.
        e.Property(x => x.SearchKey).HasMaxLength(Product.SearchKeyLength).UsePropertyAccessMode(PropertyAccessMode.Property);
        e.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> e)
    {
        e.HasIndex(x => x.OrderNumber).IsUnique();
        e.HasIndex(x => new { x.CustomerId, x.ReceivedAt });
        e.HasIndex(x => x.ReceivedAt);
        e.HasIndex(x => new { x.CustomerId, x.AcceptanceDay });
        e.HasIndex(x => new { x.DepartmentId, x.AcceptanceDay });
        e.HasIndex(x => x.EntryKey).IsUnique();
        // Linked to the FAX it was keyed from; UNIQUE, so one FAX is keyed once, even by two agents at the same moment. No foreign
        // key on this side: SQLite would rebuild the whole table for one (the FAX's own key to this record is enforced).
        e.HasIndex(x => x.FaxInboxItemId).IsUnique();
        e.Property(x => x.OrderNumber).HasMaxLength(20);
        e.Property(x => x.KeyedByStaffId).HasMaxLength(450);
        e.Property(x => x.VoidReason).HasMaxLength(200);
        e.Property(x => x.StockOutNoticeSentBy).HasMaxLength(100);
        e.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.ShipTo).WithMany().HasForeignKey(x => x.ShipToId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WebUser>().WithMany().HasForeignKey(x => x.WebUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Shipments).WithOne(s => s.Order).HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> e)
    {
        e.HasIndex(x => new { x.OrderId, x.LineNumber }).IsUnique();
        e.HasIndex(x => x.ProductId);
        // The waiting back orders only (a few among millions of lines): pricing and stock receipts look them up by product.
        e.HasIndex(x => new { x.ProductId,
            x.BackOrder }).HasDatabaseName("IX_OrderLines_WaitingBackOrders").HasFilter("BackOrder = 'Waiting'");
        e.Property(x => x.BackOrderCancelReason).HasMaxLength(200);
        e.Property(x => x.ProductCode).HasMaxLength(20);
        e.Property(x => x.ProductName).HasMaxLength(120);
        e.Property(x => x.LineComment).HasMaxLength(100);
        e.Property(x => x.Maker).HasMaxLength(60);
        e.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Shipment).WithMany().HasForeignKey(x => x.ShipmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> e)
    {
        e.HasIndex(x => new { x.AcceptanceDay, x.Status });
        e.HasIndex(x => x.DeliverySlipNumber);
        e.Property(x => x.DeliverySlipNumber).HasMaxLength(20);
    }
}
