using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartOffice.Domain.FaxInbox.Recognition;

internal sealed class FaxRecognitionConfiguration : IEntityTypeConfiguration<FaxRecognition>
{
    public void Configure(EntityTypeBuilder<FaxRecognition> e)
    {
        // One reading per FAX: inserting it is a worker's claim, and a second worker's insert fails on this key.
        e.HasIndex(x => x.FaxInboxItemId).IsUnique();
        e.HasIndex(x => new { x.State, x.LeaseUntil });
        e.Property(x => x.FormId).HasMaxLength(10);
        e.Property(x => x.Problem).HasMaxLength(400);
        e.Property(x => x.EngineVersion).HasMaxLength(40);
        e.HasOne<FaxInboxItem>().WithMany().HasForeignKey(x => x.FaxInboxItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Fields).WithOne().HasForeignKey(f => f.FaxRecognitionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FaxRecognizedFieldConfiguration : IEntityTypeConfiguration<FaxRecognizedField>
{
    public void Configure(EntityTypeBuilder<FaxRecognizedField> e)
    {
        e.HasIndex(x => new { x.FaxRecognitionId, x.LineNumber, x.Field });
        e.Property(x => x.Text).HasMaxLength(200);
        e.Property(x => x.Alternative).HasMaxLength(200);
        e.Property(x => x.PrefilledText).HasMaxLength(200);
        e.Property(x => x.KeyedText).HasMaxLength(200);
    }
}
