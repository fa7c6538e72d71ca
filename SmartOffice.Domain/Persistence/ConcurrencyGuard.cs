using Microsoft.EntityFrameworkCore;

namespace SmartOffice.Domain.Persistence;

/// <summary>
/// How every edit of an <see cref="IVersioned"/> record refuses a stale screen: the version the staff member saw is
/// checked on load, and a concurrent save that slips in between is turned into the same message at SaveChanges.
/// </summary>
public static class ConcurrencyGuard
{
    /// <summary>The record when it is still as the staff member saw it; else the "changed, reload" message of <paramref
    /// name="changedKey"/>.</summary>
    public static T AsSeen<T>(this T record, int seenVersion, string changedKey) where T : IVersioned =>
        record.Version == seenVersion ? record : throw new BusinessRuleException(changedKey);

    /// <summary>Saves the use case's changes, or refuses with <paramref name="changedKey"/> when another save won the race.</summary>
    public static async Task SaveOrRefuseAsync(this DbContext db, string changedKey, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BusinessRuleException(changedKey);
        }
    }
}
