using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.FaxInbox;

/// <summary>
/// How the keying services (order, return slip, balance request, prize application) close the FAX they were keyed from,
/// inside their own transaction: the FAX must be claimed by the caller, and it becomes 完了 with the record's id
/// (<see cref="FaxInboxItem.KeyedAs"/>, saved with the version read), so two saves against one FAX (two tabs, two agents)
/// never both succeed — the second is refused with who closed it. Not a use case of its own (its methods are internal):
/// the keying services have demanded the
/// caller's capability before they call it, inside their transaction.
/// </summary>
public sealed class FaxInboxLink(ICurrentStaff staff, BusinessClock clock, FaxInboxChanges changes)
{
    /// <summary>Refuses unless the FAX is in progress by the caller (checked first, before the record is built).</summary>
    internal async Task DemandClaimAsync(SmartOfficeDbContext db, int? itemId, CancellationToken cancellationToken)
    {
        if (itemId is not { } id)
            return;
        var item = await db.FaxInboxItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null || !item.IsClaimedBy(staff.Id))
            throw await RefusalAsync(db, id, staff, clock, cancellationToken);
    }

    /// <summary>
    /// 完了: the FAX links to the record keyed from it (and its customer); refuses when it is no longer the caller's. Saved
    /// here with the version checked, so a release or close that slipped in is refused with who did it.
    /// </summary>
    internal async Task CloseAsync(SmartOfficeDbContext db, int? itemId, FaxKind kind, int recordId, int customerId,
        CancellationToken cancellationToken)
    {
        if (itemId is not { } id)
            return;
        var item = await db.FaxInboxItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null || !item.KeyedAs(kind, recordId, customerId, staff.Id, staff.Name, clock.Now))
            throw await RefusalAsync(db, id, staff, clock, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await RefusalAsync(db, id, staff, clock, cancellationToken);
        }
    }

    /// <summary>After the keying transaction committed: every open inbox re-reads.</summary>
    internal void Announce(int? itemId)
    {
        if (itemId is not null)
            changes.Raise();
    }

    /// <summary>Why the caller may not act on the FAX as if it were theirs: not found, someone else's, not claimed, closed.</summary>
    internal static async Task<BusinessRuleException> RefusalAsync(SmartOfficeDbContext db, int id, ICurrentStaff staff,
        BusinessClock clock, CancellationToken cancellationToken)
    {
        var item = await db.FaxInboxItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return item switch
        {
            null => new BusinessRuleException("FaxInbox.NotFound"),
            { Status: FaxStatus.New } => new BusinessRuleException("FaxInbox.NotClaimed"),
            { Status: FaxStatus.InProgress } when item.ClaimedByStaffId != staff.Id =>
                new BusinessRuleException("FaxInbox.ClaimedByOther", item.ClaimedByName, Time(clock, item.ClaimedAt)),
            { Status: FaxStatus.Done } => new BusinessRuleException("FaxInbox.AlreadyDone", item.ClosedByName, Time(clock, item.ClosedAt)),
            { Status: FaxStatus.Rejected } => new BusinessRuleException("FaxInbox.AlreadyRejected", item.ClosedByName, item.CloseNote),
            _ => new BusinessRuleException("FaxInbox.Changed"),
        };
    }

    private static string Time(BusinessClock clock, DateTimeOffset? at) =>
        at is { } instant ? clock.ToBusinessTime(instant).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
}
