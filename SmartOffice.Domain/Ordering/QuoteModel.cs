using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartOffice.Domain.Ordering;

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> e)
    {
        e.HasIndex(x => x.QuoteNumber).IsUnique();
        e.HasIndex(x => new { x.CustomerId, x.IssuedAt });
        // One quote, one order: two agents turning the same FAXed quote into orders cannot both succeed.
        e.HasIndex(x => x.OrderId).IsUnique();
        e.Property(x => x.QuoteNumber).HasMaxLength(20);
        e.Property(x => x.IssuedByStaffId).HasMaxLength(450);
        e.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Accounts.ShipTo>().WithMany().HasForeignKey(x => x.ShipToId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Order).WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.QuoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuoteLineConfiguration : IEntityTypeConfiguration<QuoteLine>
{
    public void Configure(EntityTypeBuilder<QuoteLine> e)
    {
        e.HasIndex(x => new { x.QuoteId, x.LineNumber }).IsUnique();
        e.HasIndex(x => x.ProductId);
        e.Property(x => x.ProductCode).HasMaxLength(20);
        e.Property(x => x.ProductName).HasMaxLength(120);
        e.Property(x => x.Maker).HasMaxLength(60);
        e.Property(x => x.LineComment).HasMaxLength(100);
        e.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
