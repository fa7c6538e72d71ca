using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Points;

/// <summary>
/// ポイント口座 (docs/business-rules.md §6): finding accounts, one account's balance, this month's expiry, the 12-month schedule and
/// its history, totals per department and customer, consolidation within a department and supervisors' adjustments.
/// Dealer reps read their own customers' accounts only.
/// </summary>
public sealed class PointAccountService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time,
    BusinessClock clock, IOptions<RulesOptions> rules)
{
    private const string ChangedKey = "Points.AccountChanged";
    private const int ScheduleMonths = 12;

    public async Task<PointAccountListPage> FindAsync(PointAccountQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var accounts = Found(db, query);
        var total = await accounts.CountAsync(cancellationToken);
        var ids = await Ordered(accounts).Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken);
        return new PointAccountListPage(await RowsAsync(db, ids, cancellationToken), total);
    }

    /// <summary>Every account the search finds, in its order with today's balances (the page's rows, all pages), for an export.</summary>
    public async Task<ListRows<PointAccountRow>> ExportAsync(PointAccountQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsView);
        return await ListRows.OpenByIdsAsync<PointAccountRow>(contexts, db => Ordered(Found(db, query)),
            async (db, ids, token) => await RowsAsync(db, ids, token), ExportChunk, cancellationToken);
    }

    private const int ExportChunk = 500;

    private IQueryable<PointAccount> Found(SmartOfficeDbContext db, PointAccountQuery query)
    {
        var accounts = Visible(db);
        var text = JapaneseInput.Normalize(query.Text);
        if (text.Length == 0)
            return accounts;
        var lower = text.ToLowerInvariant();
        var code = JapaneseInput.NormalizeCode(text);
        var folded = JapaneseInput.FoldForSearch(text);
        var customers = db.Customers.Where(c => c.Code == code || c.SearchKey.Contains(folded)).Select(c => c.Id);
        var users = db.WebUsers.Where(u => u.UserId == lower).Select(u => u.Id);
        return accounts.Where(a => users.Contains(a.WebUserId ?? 0) || db.Departments.Any(d => d.Id == a.DepartmentId
            && customers.Contains(d.CustomerId)));
    }

    private static IQueryable<int> Ordered(IQueryable<PointAccount> accounts) =>
        accounts.OrderBy(a => a.DepartmentId).ThenBy(a => a.Kind).ThenBy(a => a.Id).Select(a => a.Id);

    public async Task<PointAccountView> GetAsync(int pointAccountId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await DemandAccountAsync(db, Capability.PointsView, pointAccountId, cancellationToken);
        var row = (await RowsAsync(db, [pointAccountId], cancellationToken)).Single();
        var fax = await db.Customers.Where(c => c.Id == row.CustomerId).Select(c => c.Fax).SingleAsync(cancellationToken);
        return new PointAccountView(row, fax, clock.Today, await ScheduleAsync(db, pointAccountId, cancellationToken), account.Version);
    }

    /// <summary>残高 at the end of a past (or today's) date, from the ledger alone.</summary>
    public async Task<int> BalanceAsOfAsync(int pointAccountId, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await DemandAccountAsync(db, Capability.PointsView, pointAccountId, cancellationToken);
        return await PointLedger.BalanceAsOfAsync(db, pointAccountId, day, cancellationToken);
    }

    /// <summary>The account's movements, newest first.</summary>
    public async Task<PointHistoryPage> HistoryAsync(int pointAccountId, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await DemandAccountAsync(db, Capability.PointsView, pointAccountId, cancellationToken);
        var entries = db.PointLedger.AsNoTracking().Where(e => e.PointAccountId == pointAccountId);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await (from e in entries
                          join l in db.PointLots on e.PointLotId equals l.Id
                          orderby e.RecordedAt descending, e.Id descending
                          select new PointHistoryRow(e.Id, e.BusinessDate, e.RecordedAt, e.Kind, e.Points, l.ValidThrough, e.OrderId,
                              e.ReturnSlipId, e.PrizeApplicationId, e.StaffId, e.Reason,
                              db.Orders.Where(o => o.Id == e.OrderId).Select(o => o.OrderNumber).FirstOrDefault(),
                              db.ReturnSlips.Where(r => r.Id == e.ReturnSlipId).Select(r => r.SlipNumber).FirstOrDefault(),
                              db.PrizeApplications.Where(a => a.Id == e.PrizeApplicationId)
                                  .Select(a => a.ApplicationNumber).FirstOrDefault()))
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new PointHistoryPage(rows, total);
    }

    /// <summary>Balances per department of the customer, and the customer's total.</summary>
    public async Task<CustomerPointTotals> TotalsAsync(int customerId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { c.Name, c.DealerId })
                           .SingleOrDefaultAsync(cancellationToken) ?? throw new BusinessRuleException("Points.AccountNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.PointsView, customer.DealerId);
        var sums = await PointTotals.PerDepartmentAsync(db, customerId, clock.Today, cancellationToken);
        var departments = (await db.Departments.AsNoTracking().Where(d => d.CustomerId == customerId).OrderBy(d => d.Code)
                .Select(d => new { d.Id, d.Name, Accounts = db.PointAccounts.Count(a => a.DepartmentId == d.Id) })
                .ToListAsync(cancellationToken))
            .Select(d => new DepartmentPointTotal(d.Id, d.Name, d.Accounts, sums.GetValueOrDefault(d.Id).Balance,
                sums.GetValueOrDefault(d.Id).Expiring))
            .ToList();
        return new CustomerPointTotals(customerId, customer.Name, departments, departments.Sum(d => d.Balance),
            departments.Sum(d => d.ExpiringThisMonth));
    }

    /// <summary>The other accounts of the same department: where consolidation may move points.</summary>
    public async Task<IReadOnlyList<PointAccountRow>> SameDepartmentAsync(int pointAccountId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await DemandAccountAsync(db, Capability.PointsView, pointAccountId, cancellationToken);
        var ids = await db.PointAccounts.Where(a => a.DepartmentId == account.DepartmentId && a.Id != pointAccountId).OrderBy(a => a.Kind)
            .ThenBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        return await RowsAsync(db, ids, cancellationToken);
    }

    /// <summary>ポイント集約: points move within one department only, keeping their expiry.</summary>
    public async Task ConsolidateAsync(ConsolidationRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var from = await DemandAccountAsync(db, Capability.PointsProcess, request.FromAccountId, cancellationToken);
        var to = await db.PointAccounts.FindAsync([request.ToAccountId], cancellationToken)
                ?? throw new BusinessRuleException("Points.AccountNotFound");
        from.AsSeen(request.FromVersion, ChangedKey);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Touch(db, from);
        Touch(db, to);
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        var moved = await Ledger(db).TransferAsync(from.Id, to.Id, request.Points, clock.Today, cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Points.Consolidated", nameof(PointAccount), from.Id, null,
            new { To = to.Id, request.Points, Lots = moved.Count }, request.RequestedBy?.Trim()));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>手動調整: supervisors only, with a reason; never below zero.</summary>
    public async Task AdjustAsync(AdjustmentRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await DemandAccountAsync(db, Capability.PointsAdjust, request.PointAccountId, cancellationToken);
        account.AsSeen(request.Version, ChangedKey);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Touch(db, account);
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        var before = await PointLedger.LiveRemainders(db, account.Id, clock.Today).SumAsync(cancellationToken);
        await Ledger(db).AdjustAsync(account.Id, request.Points, request.Reason, clock.Today, cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Points.Adjusted", nameof(PointAccount), account.Id,
            new { Balance = before }, new { Balance = before + request.Points, request.Points }, note: request.Reason?.Trim()));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal PointLedger Ledger(SmartOfficeDbContext db) => new(db, new PointRules(rules.Value), time, staff.Id);

    /// <summary>
    /// Bumps the account's version (saved first, inside the transaction), so of two concurrent movements on one
    /// account the second is refused instead of acting on a balance it did not see.
    /// </summary>
    internal static void Touch(SmartOfficeDbContext db, PointAccount account) =>
        db.Entry(account).Property(a => a.Version).IsModified = true;

    /// <summary>The account, after checking the capability and (for dealer reps) that it belongs to their dealer's customer.</summary>
    internal async Task<PointAccount> DemandAccountAsync(SmartOfficeDbContext db, Capability capability, int pointAccountId,
        CancellationToken cancellationToken)
    {
        AccessPolicy.Demand(staff, capability);
        var account = await db.PointAccounts.FindAsync([pointAccountId], cancellationToken)
                ?? throw new BusinessRuleException("Points.AccountNotFound");
        var dealer = await db.Departments.Where(d => d.Id == account.DepartmentId).Select(d => d.Customer!.DealerId)
            .SingleAsync(cancellationToken);
        AccessPolicy.DemandCustomer(staff, capability, dealer);
        return account;
    }

    private IQueryable<PointAccount> Visible(SmartOfficeDbContext db)
    {
        var dealer = AccessPolicy.DealerScope(staff);
        var accounts = db.PointAccounts.AsNoTracking();
        return dealer is null ? accounts : accounts.Where(a => db.Departments.Any(d => d.Id == a.DepartmentId
            && d.Customer!.DealerId == dealer));
    }

    private (DateOnly Today, DateOnly MonthEnd) ThisMonth()
    {
        var today = clock.Today;
        return (today, new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month)));
    }

    /// <summary>Rows for the given accounts, in the given order, with balance and this month's expiry.</summary>
    internal async Task<List<PointAccountRow>> RowsAsync(SmartOfficeDbContext db, IReadOnlyList<int> ids,
        CancellationToken cancellationToken)
    {
        var (today, monthEnd) = ThisMonth();
        var rows = await (from a in db.PointAccounts.AsNoTracking()
                          where ids.Contains(a.Id)
                          join d in db.Departments on a.DepartmentId equals d.Id
                          join c in db.Customers on d.CustomerId equals c.Id
                          join u in db.WebUsers on a.WebUserId equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          select new
                          {
                              a.Id, a.Kind, CustomerId = c.Id, c.Code, c.Name, DepartmentId = d.Id, DepartmentName = d.Name,
                              UserId = u == null ? null : u.UserId, UserName = u == null ? null : u.Name, c.PointsOptedOut,
                                  c.PointsOptOutFrom,
                              Balance = db.PointLots.Where(l => l.PointAccountId == a.Id && l.ValidThrough >= today)
                                  .Sum(l => (int?)l.Remaining) ?? 0,
                              Expiring = db.PointLots.Where(l => l.PointAccountId == a.Id && l.ValidThrough >= today
                                  && l.ValidThrough <= monthEnd)
                                  .Sum(l => (int?)l.Remaining) ?? 0,
                          }).ToListAsync(cancellationToken);
        return ids.Select(id => rows.Single(r => r.Id == id)).Select(r => new PointAccountRow(r.Id, r.Kind, r.CustomerId, r.Code, r.Name,
            r.DepartmentId, r.DepartmentName, r.UserId, r.UserName,
            Accounts.Customer.PointsOptedOutOn(r.PointsOptedOut, r.PointsOptOutFrom, today), r.Balance, r.Expiring)).ToList();
    }

    /// <summary>Points lapsing at the end of each of the next 12 months, this month first.</summary>
    internal async Task<IReadOnlyList<ExpiryMonth>> ScheduleAsync(SmartOfficeDbContext db, int pointAccountId,
        CancellationToken cancellationToken)
    {
        var (today, _) = ThisMonth();
        var first = new DateOnly(today.Year, today.Month, 1);
        var last = first.AddMonths(ScheduleMonths).AddDays(-1);
        var lots = await db.PointLots.AsNoTracking()
            .Where(l => l.PointAccountId == pointAccountId && l.ValidThrough >= today && l.ValidThrough <= last && l.Remaining > 0)
            .Select(l => new { l.ValidThrough, l.Remaining }).ToListAsync(cancellationToken);
        return Enumerable.Range(0, ScheduleMonths).Select(i => first.AddMonths(i)).Select(month => new ExpiryMonth(month,
            month.AddMonths(1).AddDays(-1),
            lots.Where(l => l.ValidThrough.Year == month.Year && l.ValidThrough.Month == month.Month).Sum(l => l.Remaining))).ToList();
    }
}
