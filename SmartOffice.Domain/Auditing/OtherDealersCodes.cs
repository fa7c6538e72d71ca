using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Auditing;

/// <summary>
/// Customer codes of another dealer inside the notes of a history a dealer rep reads, replaced by "another dealer's customer"
/// (reps see only their own dealer's customers, histories included: docs/security-fixes.md). A note is written once for
/// every reader: the duplicate check of the registration and change forms names every customer with the same number, of any
/// dealer, so the desk knows which ones were confirmed — and the rep of the customer's dealer reads the same history.
/// Hidden when read, so notes written before this rule are covered too.
/// </summary>
internal static partial class OtherDealersCodes
{
    public static async Task<IReadOnlyList<AuditEntry>> HideAsync(SmartOfficeDbContext db, ICurrentStaff staff,
        IReadOnlyList<AuditEntry> entries,
        CancellationToken cancellationToken)
    {
        if (AccessPolicy.DealerScope(staff) is not { } dealer)
            return entries;
        var numbers = entries.SelectMany(e => new[] { e.Note, e.RequestedBy }).Where(t => t is not null)
            .SelectMany(t => Numbers().Matches(t!).Select(m => m.Value)).Distinct().ToList();
        if (numbers.Count == 0)
            return entries;
        var hidden = (await db.Customers.AsNoTracking().Where(c => numbers.Contains(c.Code) && c.DealerId != dealer).Select(c => c.Code)
            .ToListAsync(cancellationToken)).ToHashSet();
        if (hidden.Count == 0)
            return entries;
        var label = DomainText.Format("Accounts.OtherDealersCustomer");
        string? Hide(string? text) => text is null ? null : Numbers().Replace(text, m => hidden.Contains(m.Value) ? label : m.Value);
        return entries.Select(e => new AuditEntry
        {
            Id = e.Id, At = e.At, StaffId = e.StaffId, StaffName = e.StaffName, Action = e.Action, EntityType = e.EntityType,
                EntityId = e.EntityId,
            Before = e.Before, After = e.After, RequestedBy = Hide(e.RequestedBy), Note = Hide(e.Note),
        }).ToList();
    }

    /// <summary>A number standing alone (a customer code), not part of an order number or a web user ID.</summary>
    [GeneratedRegex("(?<![0-9A-Za-z])[0-9]+(?![0-9A-Za-z])")]
    private static partial Regex Numbers();
}
