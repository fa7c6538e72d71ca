using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartOffice.Domain.Ordering;

namespace SmartOffice.Domain.Returns;

internal sealed class ReturnSlipConfiguration : IEntityTypeConfiguration<ReturnSlip>
{
    public void Configure(EntityTypeBuilder<ReturnSlip> e)
    {
        e.HasIndex(x => x.SlipNumber).IsUnique();
        e.HasIndex(x => x.OrderId);
        e.HasIndex(x => x.Status);
        // Linked to the FAX it was keyed from; UNIQUE, so one FAX is keyed once, even by two agents at the same moment. No foreign
        // key on this side: SQLite would rebuild the whole table for one (the FAX's own key to this record is enforced).
        e.HasIndex(x => x.FaxInboxItemId).IsUnique();
        e.Property(x => x.SlipNumber).HasMaxLength(20);
        e.Property(x => x.RejectReason).HasMaxLength(200);
        e.Property(x => x.CreatedByStaffId).HasMaxLength(450);
        e.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Accounts.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.ReturnSlipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReturnSlipLineConfiguration : IEntityTypeConfiguration<ReturnSlipLine>
{
    public void Configure(EntityTypeBuilder<ReturnSlipLine> e)
    {
        e.HasIndex(x => x.OrderLineId);
        e.Property(x => x.Note).HasMaxLength(200);
        e.HasOne<OrderLine>().WithMany().HasForeignKey(x => x.OrderLineId).OnDelete(DeleteBehavior.Restrict);
    }
}
