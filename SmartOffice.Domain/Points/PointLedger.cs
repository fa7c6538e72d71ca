using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Points;

/// <summary>What one lot gave (negative) or got (positive) in a movement.</summary>
public sealed record LotMovement(int LotId, int Points);

/// <summary>
/// Writes point movements inside the caller's use case: the caller owns the <see cref="SmartOfficeDbContext"/> and its
/// transaction, and these methods flush with <c>SaveChangesAsync</c> where a generated id is needed (a lot's id for its
/// entries), so call them inside an open transaction. Lots' <see cref="PointLot.Remaining"/> change only together with a
/// ledger entry of the same amount, by an atomic update that never lets a lot go below zero.
/// Operations: earn, order reversal and return reversal (never below zero, shortfall returned), prize spend and its
/// restore (the same lots; expired ones stay expired), transfer within one department (lots keep their expiry) and
/// manual adjustment; expiry is set-based, in <see cref="PointExpiry"/>. Spending-type operations take from lots valid
/// on the business date, earliest valid-through first. Who may do what, opt-out and versions are the calling service's
/// checks.
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
    public async Task<int> ReverseOrderAsync(int orderId, DateOnly businessDate, string reason,
        CancellationToken cancellationToken = default)
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

    /// <summary>
    /// 返品による取消: takes up to <paramref name="points"/> back from the account, first from the order's own lots, then
    /// earliest expiry first; never below zero. Returns the shortfall for the caller to record (e.g. on the return slip).
    /// </summary>
    public async Task<int> ReverseAsync(int pointAccountId, int points, int? orderId, int? returnSlipId, DateOnly businessDate,
        string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        var lots = await LiveLotsAsync(pointAccountId, businessDate, cancellationToken);
        var ordered = lots.OrderBy(l => orderId is not null && l.OrderId == orderId ? 0 : 1).ThenBy(l => l.ValidThrough).ThenBy(l => l.Id);
        var due = points;
        foreach (var lot in ordered)
        {
            if (due == 0)
                break;
            due -= await TakeAsync(pointAccountId, lot.Id, due, businessDate, PointEntryKind.Reversal, e =>
            {
                e.OrderId = orderId;
                e.ReturnSlipId = returnSlipId;
                e.Reason = reason;
            }, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return due;
    }

    /// <summary>
    /// 賞品交換: spends <paramref name="points"/> for a prize application, earliest expiry first. Refused when the live
    /// balance is short (or another use case spent it first). Opt-out is the caller's check: it knows the customer.
    /// </summary>
    public async Task<IReadOnlyList<LotMovement>> SpendAsync(int pointAccountId, int points, int prizeApplicationId, DateOnly businessDate,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        var taken = await TakeEarliestAsync(pointAccountId, points, businessDate, PointEntryKind.Spend,
            e => e.PrizeApplicationId = prizeApplicationId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return taken;
    }

    /// <summary>
    /// A cancelled prize application gives back exactly what it took from each lot — except lots no longer valid on
    /// <paramref name="businessDate"/>, which stay expired. Returns the points restored; a second call restores nothing.
    /// </summary>
    public async Task<int> RestoreAsync(int prizeApplicationId, DateOnly businessDate, CancellationToken cancellationToken = default)
    {
        var net = await db.PointLedger.AsNoTracking()
            .Where(e => e.PrizeApplicationId == prizeApplicationId && (e.Kind == PointEntryKind.Spend || e.Kind == PointEntryKind.Restore))
            .GroupBy(e => new { e.PointLotId, e.PointAccountId })
            .Select(g => new { g.Key.PointLotId, g.Key.PointAccountId, Net = g.Sum(e => e.Points) }).ToListAsync(cancellationToken);
        var lotIds = net.Select(n => n.PointLotId).ToList();
        var live = await db.PointLots.AsNoTracking().Where(l => lotIds.Contains(l.Id) && l.ValidThrough >= businessDate)
            .Select(l => l.Id).ToListAsync(cancellationToken);
        var restored = 0;
        foreach (var lot in net.Where(n => n.Net < 0 && live.Contains(n.PointLotId)))
        {
            var points = -lot.Net;
            await db.PointLots.Where(l => l.Id == lot.PointLotId)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.Remaining, l => l.Remaining + points), cancellationToken);
            var entry = Entry(lot.PointAccountId, lot.PointLotId, PointEntryKind.Restore, points, businessDate, orderId: null,
                reason: null);
            entry.PrizeApplicationId = prizeApplicationId;
            db.PointLedger.Add(entry);
            restored += points;
        }
        await db.SaveChangesAsync(cancellationToken);
        return restored;
    }

    /// <summary>
    /// ポイント集約: moves points between two accounts of the same department only, earliest expiry first; each piece
    /// lands in a new lot with the same earned-on and valid-through dates (transferred points keep their expiry).
    /// </summary>
    public async Task<IReadOnlyList<LotMovement>> TransferAsync(int fromAccountId, int toAccountId, int points, DateOnly businessDate,
        CancellationToken cancellationToken = default)
    {
        if (points <= 0)
            throw new BusinessRuleException("Points.PointsPositive");
        if (fromAccountId == toAccountId)
            throw new BusinessRuleException("Points.TransferSameAccount");
        var accounts = await db.PointAccounts.AsNoTracking().Where(a => a.Id == fromAccountId || a.Id == toAccountId)
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        if (!accounts.TryGetValue(fromAccountId, out var from) || !accounts.TryGetValue(toAccountId, out var to))
            throw new BusinessRuleException("Points.AccountNotFound");
        if (from.DepartmentId != to.DepartmentId)
            throw new BusinessRuleException("Points.TransferAcrossDepartments");
        var reason = $"#{from.Id}→#{to.Id}";
        var taken = await TakeEarliestAsync(from.Id, points, businessDate, PointEntryKind.TransferOut, e => e.Reason = reason,
            cancellationToken);
        var sources = await LotsAsync(taken.Select(t => t.LotId), cancellationToken);
        foreach (var piece in taken)
        {
            var source = sources[piece.LotId];
            await NewLotAsync(to.Id, -piece.Points, source.EarnedOn, source.ValidThrough, PointEntryKind.TransferIn, businessDate, reason,
                cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return taken;
    }

    /// <summary>
    /// 手動調整 with a reason: a positive adjustment is a new lot valid as if earned on <paramref name="businessDate"/>;
    /// a negative one takes points earliest expiry first, never below zero. Who may adjust is the caller's check.
    /// </summary>
    public async Task AdjustAsync(int pointAccountId, int points, string? reason, DateOnly businessDate,
        CancellationToken cancellationToken = default)
    {
        var text = ReasonText.Require(reason, "Points.ReasonRequired");
        if (points == 0)
            throw new BusinessRuleException("Points.AdjustmentZero");
        if (points > 0)
            await NewLotAsync(pointAccountId, points, businessDate, rules.ValidThrough(businessDate), PointEntryKind.Adjustment,
                businessDate, text,
                cancellationToken);
        else
            await TakeEarliestAsync(pointAccountId, -points, businessDate, PointEntryKind.Adjustment, e => e.Reason = text,
                cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The balance of lots valid on <paramref name="businessDate"/>, from the lots' remainders (which equal the ledger).</summary>
    public static IQueryable<int> LiveRemainders(SmartOfficeDbContext db, int pointAccountId, DateOnly businessDate) =>
        db.PointLots.Where(l => l.PointAccountId == pointAccountId && l.ValidThrough >= businessDate).Select(l => l.Remaining);

    /// <summary>
    /// The balance at the end of <paramref name="day"/> from the ledger alone: the entries up to that day of lots still
    /// valid that day — whether or not the expiry job has run since.
    /// </summary>
    public static Task<int> BalanceAsOfAsync(SmartOfficeDbContext db, int pointAccountId, DateOnly day,
        CancellationToken cancellationToken = default) =>
        (from e in db.PointLedger
         join l in db.PointLots on e.PointLotId equals l.Id
         where e.PointAccountId == pointAccountId && e.BusinessDate <= day && l.ValidThrough >= day
         select e.Points).SumAsync(cancellationToken);

    /// <summary>Takes <paramref name="points"/> from the account's live lots earliest expiry first, or refuses with the balance.</summary>
    private async Task<List<LotMovement>> TakeEarliestAsync(int pointAccountId, int points, DateOnly businessDate, PointEntryKind kind,
        Action<PointLedgerEntry> describe, CancellationToken cancellationToken)
    {
        var lots = await LiveLotsAsync(pointAccountId, businessDate, cancellationToken);
        var balance = lots.Sum(l => l.Remaining);
        if (balance < points)
            throw new BusinessRuleException("Points.InsufficientBalance", points, balance);
        var taken = new List<LotMovement>();
        var due = points;
        foreach (var lot in lots)
        {
            if (due == 0)
                break;
            var take = await TakeAsync(pointAccountId, lot.Id, due, businessDate, kind, describe, cancellationToken);
            if (take > 0)
                taken.Add(new LotMovement(lot.Id, -take));
            due -= take;
        }
        // Another use case spent some of these points between the read and the updates: the caller's transaction rolls back.
        if (due > 0)
            throw new BusinessRuleException("Points.AccountChanged");
        return taken;
    }

    /// <summary>
    /// The account's lots valid on <paramref name="businessDate"/> with points left, earliest valid-through first, then
    /// oldest.
    /// </summary>
    private Task<List<PointLot>> LiveLotsAsync(int pointAccountId, DateOnly businessDate, CancellationToken cancellationToken) =>
        db.PointLots.AsNoTracking().Where(l => l.PointAccountId == pointAccountId && l.ValidThrough >= businessDate && l.Remaining > 0)
            .OrderBy(l => l.ValidThrough).ThenBy(l => l.Id).ToListAsync(cancellationToken);

    private Task<Dictionary<int, PointLot>> LotsAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var list = ids.ToList();
        return db.PointLots.AsNoTracking().Where(l => list.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
    }

    /// <summary>A new lot and its first entry (the lot's id comes from a flush inside the caller's transaction).</summary>
    private async Task NewLotAsync(int pointAccountId, int points, DateOnly earnedOn, DateOnly validThrough, PointEntryKind kind,
        DateOnly businessDate, string? reason, CancellationToken cancellationToken)
    {
        var lot = new PointLot
        {
            PointAccountId = pointAccountId, Points = points, Remaining = points, EarnedOn = earnedOn, ValidThrough = validThrough,
        };
        db.PointLots.Add(lot);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(lot).State = EntityState.Detached;
        db.PointLedger.Add(Entry(pointAccountId, lot.Id, kind, points, businessDate, orderId: null, reason));
    }

    /// <summary>Takes up to <paramref name="wanted"/> from one lot in one atomic update; returns what it took.</summary>
    private Task<int> TakeAsync(int accountId, int lotId, int wanted, DateOnly businessDate, int orderId, string reason,
        CancellationToken cancellationToken) =>
        TakeAsync(accountId, lotId, wanted, businessDate, PointEntryKind.Reversal, e =>
        {
            e.OrderId = orderId;
            e.Reason = reason;
        }, cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="wanted"/> from one lot in one atomic update that never lets it go below zero, with
    /// an entry of <paramref name="kind"/>; returns what it took (less when a concurrent use case took it first).
    /// </summary>
    private async Task<int> TakeAsync(int accountId, int lotId, int wanted, DateOnly businessDate, PointEntryKind kind,
        Action<PointLedgerEntry> describe, CancellationToken cancellationToken)
    {
        var remaining = await db.PointLots.Where(l => l.Id == lotId).Select(l => l.Remaining).FirstAsync(cancellationToken);
        var take = Math.Min(wanted, remaining);
        if (take <= 0)
            return 0;
        var updated = await db.PointLots.Where(l => l.Id == lotId && l.Remaining >= take)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Remaining, l => l.Remaining - take), cancellationToken);
        if (updated == 0)
            return 0;
        var entry = Entry(accountId, lotId, kind, -take, businessDate, orderId: null, reason: null);
        describe(entry);
        db.PointLedger.Add(entry);
        return take;
    }

    private PointLedgerEntry Entry(int accountId, int lotId, PointEntryKind kind, int points, DateOnly businessDate, int? orderId,
        string? reason) => new()
    {
        PointAccountId = accountId, PointLotId = lotId, Kind = kind, Points = points, BusinessDate = businessDate,
        RecordedAt = time.GetUtcNow(), OrderId = orderId, StaffId = staffId, Reason = reason,
    };
}
