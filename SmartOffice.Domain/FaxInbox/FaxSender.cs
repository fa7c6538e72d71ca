using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.FaxInbox;

/// <summary>Who sent a FAX: the one active customer registered with that FAX number (digits only), if exactly one is.</summary>
internal static class FaxSender
{
    public static async Task<int?> MatchAsync(SmartOfficeDbContext db, string? senderFax, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(senderFax))
            return null;
        var matches = await db.Customers.AsNoTracking().Where(c => c.IsActive && c.FaxDigits == senderFax).OrderBy(c => c.Id)
            .Select(c => c.Id).Take(2)
            .ToListAsync(cancellationToken);
        // Several companies on one number (a shared office, a dealer's line): the agent picks on the form.
        return matches.Count == 1 ? matches[0] : null;
    }
}
