using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Points;

/// <summary>
/// Writes point movements inside the caller's use case: the caller owns the <see cref="SmartOfficeDbContext"/> and its
/// transaction, and these methods flush with <c>SaveChangesAsync</c> where a generated id is needed (a lot's id for its
/// entries), so call them inside an open transaction. Lots' <see cref="PointLot.Remaining"/> change only together with a
/// ledger entry of the same amount, by an atomic update that never lets a lot go below zero.
/// </summary>
public sealed class PointLedger(SmartOfficeDbContext db, PointRules rules, TimeProvider time, string? staffId)
{
    /// <summary>The department's point account (FAX orders earn there); created on first use.</summary>
    public async Task<PointAccount> DepartmentAccountAsync(int departmentId, CancellationToken cancellationToken = default)
    {
        var account = await db.PointAccounts
            .Where(a => a.DepartmentId == departmentId && a.Kind == PointAccountKind.Department)
            .OrderBy(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (account is not null)
            return account;
        account = new PointAccount { Kind = PointAccountKind.Department, DepartmentId = departmentId };
        db.PointAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    /// <summary>
    /// Earns <paramref name="points"/> for an order: one lot valid through the end of the same month of the next year
    /// after <paramref name="acceptanceDay"/> (<see cref="PointRules.ValidThrough"/>) and its Earn entry. Nothing for 0 points.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative points.</exception>
    public async Task<PointLot?> EarnAsync(int pointAccountId, int orderId, int points, DateOnly acceptanceDay,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        if (points == 0)
            return null;
        var lot = new PointLot
        {
            PointAccountId = pointAccountId, OrderId = orderId, Points = points, Remaining = points,
            EarnedOn = acceptanceDay, ValidThrough = rules.ValidThrough(acceptanceDay),
        };
        db.PointLots.Add(lot);
        await db.SaveChangesAsync(cancellationToken);
        db.PointLedger.Add(Entry(pointAccountId, lot.Id, PointEntryKind.Earn, points, acceptanceDay, orderId, reason: null));
        await db.SaveChangesAsync(cancellationToken);
        return lot;
    }

    /// <summary>
    /// Takes back what an order earned (void, correction): first from the order's own lots, then — if some of them were
    /// already spent — from the same account's other unexpired lots, earliest expiry first. Never below zero: what cannot
    /// be taken is returned as the shortfall. Each lot touched gets a Reversal entry.
    /// </summary>
    /// <returns>The shortfall: points that could not be taken back (0 when all were).</returns>
    public async Task<int> ReverseOrderAsync(int orderId, DateOnly businessDate, string reason, CancellationToken cancellationToken = default)
    {
        var earned = await db.PointLots.AsNoTracking().Where(l => l.OrderId == orderId)
            .Select(l => new { l.Id, l.PointAccountId, l.Points }).ToListAsync(cancellationToken);
        var reversed = await db.PointLedger.AsNoTracking()
            .Where(e => e.OrderId == orderId && e.Kind == PointEntryKind.Reversal).SumAsync(e => -e.Points, cancellationToken);
        var shortfall = 0;
        foreach (var account in earned.GroupBy(l => l.PointAccountId))
        {
            var due = account.Sum(l => l.Points);
            // Reversals already booked against this order (an earlier correction) are not taken twice.
            var already = Math.Min(reversed, due);
            reversed -= already;
            due -= already;
            var ownLots = account.Select(l => l.Id).ToHashSet();
            var candidates = await db.PointLots.AsNoTracking()
                .Where(l => l.PointAccountId == account.Key && l.Remaining > 0 && l.ValidThrough >= businessDate)
                .Select(l => new { l.Id, l.ValidThrough }).ToListAsync(cancellationToken);
            var order = candidates.OrderBy(l => ownLots.Contains(l.Id) ? 0 : 1).ThenBy(l => l.ValidThrough).ThenBy(l => l.Id);
            foreach (var lot in order)
            {
                if (due == 0)
                    break;
                due -= await TakeAsync(account.Key, lot.Id, due, businessDate, orderId, reason, cancellationToken);
            }
            shortfall += due;
        }
        await db.SaveChangesAsync(cancellationToken);
        return shortfall;
    }

    /// <summary>Takes up to <paramref name="wanted"/> from one lot in one atomic update; returns what it took.</summary>
    private async Task<int> TakeAsync(int accountId, int lotId, int wanted, DateOnly businessDate, int orderId, string reason,
        CancellationToken cancellationToken)
    {
        var remaining = await db.PointLots.Where(l => l.Id == lotId).Select(l => l.Remaining).FirstAsync(cancellationToken);
        var take = Math.Min(wanted, remaining);
        if (take <= 0)
            return 0;
        var updated = await db.PointLots.Where(l => l.Id == lotId && l.Remaining >= take)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Remaining, l => l.Remaining - take), cancellationToken);
        if (updated == 0)
            return 0;
        db.PointLedger.Add(Entry(accountId, lotId, PointEntryKind.Reversal, -take, businessDate, orderId, reason));
        return take;
    }

    private PointLedgerEntry Entry(int accountId, int lotId, PointEntryKind kind, int points, DateOnly businessDate, int? orderId,
        string? reason) => new()
    {
        PointAccountId = accountId, PointLotId = lotId, Kind = kind, Points = points, BusinessDate = businessDate,
        RecordedAt = time.GetUtcNow(), OrderId = orderId, StaffId = staffId, Reason = reason,
    };
}
