using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartOffice.Domain.Points;

namespace SmartOffice.Domain.Prizes;

internal sealed class PrizeConfiguration : IEntityTypeConfiguration<Prize>
{
    public void Configure(EntityTypeBuilder<Prize> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Code).HasMaxLength(16);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.ImagePath).HasMaxLength(260);
        e.Property(x => x.ImageContentType).HasMaxLength(40);
    }
}

internal sealed class PrizeApplicationConfiguration : IEntityTypeConfiguration<PrizeApplication>
{
    public void Configure(EntityTypeBuilder<PrizeApplication> e)
    {
        e.HasIndex(x => x.ApplicationNumber).IsUnique();
        e.HasIndex(x => new { x.Status, x.ReceivedAt });
        // Linked to the FAX it was keyed from; UNIQUE, so one FAX is keyed once, even by two agents at the same moment. No foreign
        // key on this side: SQLite would rebuild the whole table for one (the FAX's own key to this record is enforced).
        e.HasIndex(x => x.FaxInboxItemId).IsUnique();
        e.Property(x => x.ApplicationNumber).HasMaxLength(20);
        e.Property(x => x.CancelReason).HasMaxLength(200);
        e.Property(x => x.Carrier).HasMaxLength(40);
        e.Property(x => x.TrackingNumber).HasMaxLength(40);
        e.Property(x => x.KeyedByStaffId).HasMaxLength(450);
        e.HasOne<PointAccount>().WithMany().HasForeignKey(x => x.PointAccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Prize>().WithMany().HasForeignKey(x => x.PrizeId).OnDelete(DeleteBehavior.Restrict);
    }
}
