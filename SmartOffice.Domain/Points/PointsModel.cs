using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartOffice.Domain.Accounts;

namespace SmartOffice.Domain.Points;

internal sealed class PointAccountConfiguration : IEntityTypeConfiguration<PointAccount>
{
    public void Configure(EntityTypeBuilder<PointAccount> e)
    {
        e.HasIndex(x => x.DepartmentId);
        e.HasIndex(x => x.WebUserId).IsUnique();
        e.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WebUser>().WithMany().HasForeignKey(x => x.WebUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PointLotConfiguration : IEntityTypeConfiguration<PointLot>
{
    public void Configure(EntityTypeBuilder<PointLot> e)
    {
        e.HasIndex(x => new { x.PointAccountId, x.ValidThrough });
        // Only lots with points left: the expiry job and the forecast find what is due without reading spent lots, and the
        // index shrinks as lots expire.
        e.HasIndex(x => new { x.ValidThrough, x.Remaining }).HasFilter("Remaining > 0");
        e.HasIndex(x => x.OrderId);
        e.HasOne<PointAccount>().WithMany().HasForeignKey(x => x.PointAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PointLedgerEntryConfiguration : IEntityTypeConfiguration<PointLedgerEntry>
{
    public const string ExpiredOnceIndex = "IX_PointLedger_ExpiredOnce";

    public void Configure(EntityTypeBuilder<PointLedgerEntry> e)
    {
        e.HasIndex(x => new { x.PointAccountId, x.BusinessDate });
        e.HasIndex(x => x.PointLotId);
        // A lot expires once: two expiry runs at once (run-now, run-job, a catch-up) cannot both write its expiry, whatever
        // the isolation level lets them read (docs/security-fixes.md).
        e.HasIndex(x => x.PointLotId, ExpiredOnceIndex).IsUnique().HasFilter("Kind = 'Expire'");
        e.Property(x => x.StaffId).HasMaxLength(450);
        e.Property(x => x.Reason).HasMaxLength(200);
        e.HasOne<PointAccount>().WithMany().HasForeignKey(x => x.PointAccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PointLot>().WithMany().HasForeignKey(x => x.PointLotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BalanceRequestConfiguration : IEntityTypeConfiguration<BalanceRequest>
{
    public void Configure(EntityTypeBuilder<BalanceRequest> e)
    {
        e.HasIndex(x => new { x.Status, x.FaxReceivedAt });
        // Linked to the FAX it was keyed from; UNIQUE, so one FAX is keyed once, even by two agents at the same moment. No foreign
        // key on this side: SQLite would rebuild the whole table for one (the FAX's own key to this record is enforced).
        e.HasIndex(x => x.FaxInboxItemId).IsUnique();
        e.Property(x => x.SentByStaffId).HasMaxLength(450);
        e.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PointAccount>().WithMany().HasForeignKey(x => x.PointAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
