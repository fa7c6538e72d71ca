using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartOffice.Domain.Accounts;

internal sealed class DealerConfiguration : IEntityTypeConfiguration<Dealer>
{
    public void Configure(EntityTypeBuilder<Dealer> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Code).HasMaxLength(16);
        e.Property(x => x.Name).HasMaxLength(100);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Code).HasMaxLength(16);
        e.Property(x => x.Name).HasMaxLength(40);
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => x.DealerId);
        e.HasIndex(x => x.PhoneDigits);
        e.HasIndex(x => x.FaxDigits);
        e.Property(x => x.Code).HasMaxLength(16);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.NameKana).HasMaxLength(200);
        e.Property(x => x.SearchKey).HasMaxLength(300);
        e.Property(x => x.PostalCode).HasMaxLength(8);
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.Phone).HasMaxLength(20);
        e.Property(x => x.Fax).HasMaxLength(20);
        e.Property(x => x.PhoneDigits).HasMaxLength(20);
        e.Property(x => x.FaxDigits).HasMaxLength(20);
        e.Property(x => x.DeliverySlipNote).HasMaxLength(200);
        e.Property(x => x.BillingNote).HasMaxLength(200);
        e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Dealer).WithMany().HasForeignKey(x => x.DealerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.HasIndex(x => new { x.CustomerId, x.Code }).IsUnique();
        e.Property(x => x.Code).HasMaxLength(16);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.PostalCode).HasMaxLength(8);
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.Phone).HasMaxLength(20);
        e.HasOne(x => x.Customer).WithMany(c => c.Departments).HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ShipToConfiguration : IEntityTypeConfiguration<ShipTo>
{
    public void Configure(EntityTypeBuilder<ShipTo> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.PostalCode).HasMaxLength(8);
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.Phone).HasMaxLength(20);
        e.HasOne(x => x.Customer).WithMany(c => c.ShipTos).HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WebUserConfiguration : IEntityTypeConfiguration<WebUser>
{
    public void Configure(EntityTypeBuilder<WebUser> e)
    {
        e.HasIndex(x => x.UserId).IsUnique();
        e.HasIndex(x => x.LockedAt);
        e.Property(x => x.UserId).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(60);
        e.Property(x => x.Email).HasMaxLength(254);
        e.Property(x => x.PasswordHash).HasMaxLength(200);
        e.HasOne(x => x.Department).WithMany(d => d.WebUsers).HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrderLockConfiguration : IEntityTypeConfiguration<OrderLock>
{
    public void Configure(EntityTypeBuilder<OrderLock> e)
    {
        e.HasIndex(x => x.CustomerId);
        e.Property(x => x.RequestedBy).HasMaxLength(100);
        e.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Ordering.Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Ordering.ProductCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApprovalRuleConfiguration : IEntityTypeConfiguration<ApprovalRule>
{
    public void Configure(EntityTypeBuilder<ApprovalRule> e)
    {
        e.HasIndex(x => x.DepartmentId).IsUnique();
        e.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WebUser>().WithMany().HasForeignKey(x => x.Approver1WebUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WebUser>().WithMany().HasForeignKey(x => x.Approver2WebUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
