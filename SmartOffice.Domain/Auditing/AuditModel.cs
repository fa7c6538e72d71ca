using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartOffice.Domain.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasIndex(x => new { x.EntityType, x.EntityId });
        e.HasIndex(x => x.At);
        e.Property(x => x.StaffId).HasMaxLength(450);
        e.Property(x => x.StaffName).HasMaxLength(100);
        e.Property(x => x.Action).HasMaxLength(60);
        e.Property(x => x.EntityType).HasMaxLength(60);
        e.Property(x => x.EntityId).HasMaxLength(60);
        e.Property(x => x.RequestedBy).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(500);
    }
}
