using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartOffice.Domain.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    /// <summary>The database refuses UPDATE and DELETE on the table (the Initial migration's InitialSql); EF is told,
    /// so it writes inserts accordingly.</summary>
    public const string NoUpdateTrigger = "AuditEntries_NoUpdate", NoDeleteTrigger = "AuditEntries_NoDelete";

    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable(t =>
        {
            t.HasTrigger(NoUpdateTrigger);
            t.HasTrigger(NoDeleteTrigger);
        });
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
