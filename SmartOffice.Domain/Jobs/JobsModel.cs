using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartOffice.Domain.Jobs;

internal sealed class CutoffBatchConfiguration : IEntityTypeConfiguration<CutoffBatch>
{
    public void Configure(EntityTypeBuilder<CutoffBatch> e)
    {
        // The idempotency key: one batch per cutoff and acceptance day, whichever node or run gets there first.
        e.HasIndex(x => new { x.BatchKey, x.AcceptanceDay }).IsUnique();
        e.Property(x => x.BatchKey).HasMaxLength(60);
        e.Property(x => x.InstructionFile).HasMaxLength(200);
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> e)
    {
        e.HasIndex(x => new { x.JobName, x.StartedAt });
        e.Property(x => x.JobName).HasMaxLength(60);
        e.Property(x => x.BusinessKey).HasMaxLength(20);
        e.Property(x => x.Detail).HasMaxLength(1000);
        e.Property(x => x.StaffId).HasMaxLength(450);
    }
}
