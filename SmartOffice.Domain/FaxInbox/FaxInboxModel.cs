using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Returns;

namespace SmartOffice.Domain.FaxInbox;

internal sealed class FaxInboxItemConfiguration : IEntityTypeConfiguration<FaxInboxItem>
{
    public void Configure(EntityTypeBuilder<FaxInboxItem> e)
    {
        // The import's idempotency key: a file seen again (restart mid-import, a second instance) is never a second item.
        e.HasIndex(x => new { x.ContentHash, x.FileName }).IsUnique();
        e.HasIndex(x => new { x.Status, x.ReceivedAt });
        e.HasIndex(x => x.ReceivedAt);
        e.Property(x => x.FileName).HasMaxLength(255);
        e.Property(x => x.ContentHash).HasMaxLength(64);
        e.Property(x => x.ContentType).HasMaxLength(40);
        e.Property(x => x.ArchivedAs).HasMaxLength(400);
        e.Property(x => x.SenderFax).HasMaxLength(20);
        e.Property(x => x.ClaimedByStaffId).HasMaxLength(450);
        e.Property(x => x.ClaimedByName).HasMaxLength(100);
        e.Property(x => x.ClosedByStaffId).HasMaxLength(450);
        e.Property(x => x.ClosedByName).HasMaxLength(100);
        e.Property(x => x.CloseNote).HasMaxLength(200);
        e.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ReturnSlip>().WithMany().HasForeignKey(x => x.ReturnSlipId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<BalanceRequest>().WithMany().HasForeignKey(x => x.BalanceRequestId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PrizeApplication>().WithMany().HasForeignKey(x => x.PrizeApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FaxPageConfiguration : IEntityTypeConfiguration<FaxPage>
{
    public void Configure(EntityTypeBuilder<FaxPage> e)
    {
        e.HasIndex(x => new { x.FaxInboxItemId, x.PageNumber }).IsUnique();
        e.HasOne<FaxInboxItem>().WithMany().HasForeignKey(x => x.FaxInboxItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FaxIntakeIssueConfiguration : IEntityTypeConfiguration<FaxIntakeIssue>
{
    public void Configure(EntityTypeBuilder<FaxIntakeIssue> e)
    {
        e.HasIndex(x => new { x.ContentHash, x.FileName }).IsUnique();
        e.HasIndex(x => x.DismissedAt);
        e.Property(x => x.FileName).HasMaxLength(255);
        e.Property(x => x.ContentHash).HasMaxLength(64);
        e.Property(x => x.Detail).HasMaxLength(400);
        e.Property(x => x.QuarantinedAs).HasMaxLength(400);
        e.Property(x => x.DismissedByName).HasMaxLength(100);
    }
}

internal sealed class FaxIntakeAttemptConfiguration : IEntityTypeConfiguration<FaxIntakeAttempt>
{
    public void Configure(EntityTypeBuilder<FaxIntakeAttempt> e)
    {
        // One mark per file: of two instances beginning the same file, the second finds the first's.
        e.HasIndex(x => new { x.ContentHash, x.FileName }).IsUnique();
        e.Property(x => x.FileName).HasMaxLength(255);
        e.Property(x => x.ContentHash).HasMaxLength(64);
        e.Property(x => x.Instance).HasMaxLength(200);
    }
}
