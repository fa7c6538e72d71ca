using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Prizes;

/// <summary>
/// ポイント交換申請 (docs/business-rules.md §6): the desk keys FAX applications (web ones arrive the same way); balance, opt-out,
/// stock and the prize's active period are checked and the points are spent at application, earliest expiry first.
/// Workflow 受付 → 手配中 → 発送済 (carrier and tracking number) → 完了; a cancellation before shipping restores the same
/// lots (lots that expired meanwhile stay expired) and the stock. Dealer reps read their own customers' applications.
/// </summary>
public sealed class PrizeApplicationService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time,
    BusinessClock clock, PointAccountService accounts, FaxInboxLink faxInbox)
{
    private const string ChangedKey = "Prizes.ApplicationChanged";
    private const int HistoryShown = 20;

    public async Task<PrizeApplicationRow> ApplyAsync(PrizeApplicationInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await accounts.DemandAccountAsync(db, Capability.PointsProcess, input.PointAccountId, cancellationToken);
        if (input.Quantity <= 0)
            throw new BusinessRuleException("Prizes.QuantityPositive");
        var today = clock.Today;
        var receivedAt = input.ReceivedAt ?? time.GetUtcNow();
        if (receivedAt > time.GetUtcNow())
            throw new BusinessRuleException("Points.FaxReceivedInFuture");
        var customer = await db.Departments.Where(d => d.Id == account.DepartmentId).Select(d => d.Customer!)
            .SingleAsync(cancellationToken);
        if (customer.PointsOptedOutOn(today))
            throw new BusinessRuleException("Prizes.OptedOut", customer.Name);
        var prize = await db.Prizes.FindAsync([input.PrizeId], cancellationToken)
                ?? throw new BusinessRuleException("Prizes.PrizeNotFound");
        if (prize.ActiveFrom > today || prize.ActiveTo < today)
            throw new BusinessRuleException("Prizes.NotActive", prize.Name);
        if (prize.Stock < input.Quantity)
            throw new BusinessRuleException("Prizes.OutOfStock", prize.Name, prize.Stock);
        var points = prize.PointCost * input.Quantity;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await faxInbox.DemandClaimAsync(db, input.FaxInboxItemId, cancellationToken);
        PointAccountService.Touch(db, account);
        prize.Stock -= input.Quantity;
        var application = PrizeApplication.Receive(account.Id, prize.Id, input.Quantity, points, input.Channel, receivedAt,
            input.Channel == OrderChannel.Fax ? staff.Id : null, input.FaxInboxItemId);
        db.PrizeApplications.Add(application);
        await db.SaveOrRefuseAsync(PrizeCatalogService.ChangedKey, cancellationToken);
        application.Number(DateOnly.FromDateTime(clock.ToBusinessTime(receivedAt).DateTime));
        await faxInbox.CloseAsync(db, input.FaxInboxItemId, FaxKind.PrizeApplication, application.Id, customer.Id, cancellationToken);
        await accounts.Ledger(db).SpendAsync(account.Id, points, application.Id, today, cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Prizes.Applied", nameof(PrizeApplication), application.ApplicationNumber, null,
            new { Prize = prize.Code, application.Quantity, application.Points, application.Channel, Account = account.Id }));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        faxInbox.Announce(input.FaxInboxItemId);
        return await RowAsync(application.Id, cancellationToken);
    }

    /// <summary>The backlog: by status (all open ones when none given), oldest first.</summary>
    public async Task<PrizeApplicationListPage> FindAsync(PrizeApplicationQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var applications = Found(db, query);
        var total = await applications.CountAsync(cancellationToken);
        var rows = await Rows(db, Ordered(applications, query).Skip(query.Skip).Take(query.Take)).ToListAsync(cancellationToken);
        return new PrizeApplicationListPage(rows, total);
    }

    /// <summary>Every application of the backlog or status, in its order (the page's rows, all pages), for an export.</summary>
    public async Task<ListRows<PrizeApplicationRow>> ExportAsync(PrizeApplicationQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsView);
        return await ListRows.OpenAsync(contexts, db => Rows(db, Ordered(Found(db, query), query)), cancellationToken);
    }

    /// <summary>One status, or the open backlog (受付 and 手配中).</summary>
    private IQueryable<PrizeApplication> Found(SmartOfficeDbContext db, PrizeApplicationQuery query) => query.Status is { } status
        ? Visible(db).Where(a => a.Status == status)
        : Visible(db).Where(a => a.Status == PrizeApplicationStatus.Received || a.Status == PrizeApplicationStatus.Arranged);

    /// <summary>Finished ones newest first; the backlog oldest first.</summary>
    private static IQueryable<PrizeApplication> Ordered(IQueryable<PrizeApplication> applications, PrizeApplicationQuery query) =>
        query.Status is PrizeApplicationStatus.Shipped or PrizeApplicationStatus.Done or PrizeApplicationStatus.Cancelled
            ? applications.OrderByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Id)
            : applications.OrderBy(a => a.ReceivedAt).ThenBy(a => a.Id);

    /// <summary>How many applications wait in each status, for the backlog's tabs.</summary>
    public async Task<IReadOnlyDictionary<PrizeApplicationStatus, int>> CountsAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await Visible(db).GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    public async Task<PrizeApplicationDetail> GetAsync(int applicationId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await Rows(db, Visible(db).Where(a => a.Id == applicationId)).FirstOrDefaultAsync(cancellationToken)
                  ?? throw new BusinessRuleException("Prizes.ApplicationNotFound");
        var more = await db.PrizeApplications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new { a.ArrangedAt, a.CompletedAt, a.CancelledAt, a.CancelReason }).SingleAsync(cancellationToken);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(PrizeApplication) && e.EntityId == row.ApplicationNumber)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(HistoryShown).ToListAsync(cancellationToken);
        return new PrizeApplicationDetail(row, more.ArrangedAt, more.CompletedAt, more.CancelledAt, more.CancelReason, history);
    }

    /// <summary>受付 → 手配中.</summary>
    public Task ArrangeAsync(int applicationId, int version, CancellationToken cancellationToken = default) =>
        MoveAsync(applicationId, version, a => a.Arrange(time.GetUtcNow()), cancellationToken);

    /// <summary>手配中 → 発送済, with the carrier and its tracking number.</summary>
    public Task ShipAsync(int applicationId, int version, string? carrier, string? trackingNumber,
        CancellationToken cancellationToken = default)
    {
        var carrierText = Text.JapaneseInput.Normalize(carrier);
        var tracking = Text.JapaneseInput.NormalizeCode(trackingNumber).Replace(" ", "");
        if (carrierText.Length == 0)
            throw new BusinessRuleException("Prizes.CarrierRequired");
        if (tracking.Length == 0)
            throw new BusinessRuleException("Prizes.TrackingRequired");
        return MoveAsync(applicationId, version, a => a.Ship(time.GetUtcNow(), carrierText, tracking), cancellationToken);
    }

    /// <summary>発送済 → 完了.</summary>
    public Task CompleteAsync(int applicationId, int version, CancellationToken cancellationToken = default) =>
        MoveAsync(applicationId, version, a => a.Complete(time.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Cancels an application not yet shipped: its lots get back what they gave (expired ones stay expired), the prize
    /// its stock. Returns the points restored.
    /// </summary>
    public async Task<int> CancelAsync(int applicationId, int version, string? reason, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsProcess);
        var text = ReasonText.Require(reason, "Prizes.CancelReasonRequired");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await LoadAsync(db, applicationId, version, cancellationToken);
        var before = application.Status;
        application.Cancel(time.GetUtcNow(), text);
        var prize = await db.Prizes.SingleAsync(p => p.Id == application.PrizeId, cancellationToken);
        var account = await db.PointAccounts.SingleAsync(a => a.Id == application.PointAccountId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        prize.Stock += application.Quantity;
        PointAccountService.Touch(db, account);
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        var restored = await accounts.Ledger(db).RestoreAsync(application.Id, clock.Today, cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Prizes.Cancelled", nameof(PrizeApplication), application.ApplicationNumber,
            new { Status = before }, new { application.Status, Restored = restored, application.Points }, note: application.CancelReason));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return restored;
    }

    /// <summary>One step: the application's own guarded transition, checked against the version seen and audited.</summary>
    private async Task MoveAsync(int applicationId, int version, Action<PrizeApplication> step, CancellationToken cancellationToken)
    {
        AccessPolicy.Demand(staff, Capability.PointsProcess);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await LoadAsync(db, applicationId, version, cancellationToken);
        var from = application.Status;
        step(application);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, $"Prizes.{application.Status}", nameof(PrizeApplication),
            application.ApplicationNumber, new { Status = from }, new { application.Status, application.Carrier,
                application.TrackingNumber }));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
    }

    private static async Task<PrizeApplication> LoadAsync(SmartOfficeDbContext db, int applicationId, int version,
        CancellationToken cancellationToken) =>
        (await db.PrizeApplications.FindAsync([applicationId], cancellationToken)
                ?? throw new BusinessRuleException("Prizes.ApplicationNotFound"))
        .AsSeen(version, ChangedKey);

    private async Task<PrizeApplicationRow> RowAsync(int applicationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Rows(db, db.PrizeApplications.Where(a => a.Id == applicationId)).SingleAsync(cancellationToken);
    }

    private IQueryable<PrizeApplication> Visible(SmartOfficeDbContext db)
    {
        var dealer = AccessPolicy.DealerScope(staff);
        var applications = db.PrizeApplications.AsNoTracking();
        return dealer is null
            ? applications
            : applications.Where(a => db.PointAccounts.Any(p => p.Id == a.PointAccountId
                                                                && db.Departments.Any(d => d.Id == p.DepartmentId
                                                                    && d.Customer!.DealerId == dealer)));
    }

    private static IQueryable<PrizeApplicationRow> Rows(SmartOfficeDbContext db, IQueryable<PrizeApplication> applications) =>
        from a in applications
        join p in db.Prizes on a.PrizeId equals p.Id
        join acc in db.PointAccounts on a.PointAccountId equals acc.Id
        join d in db.Departments on acc.DepartmentId equals d.Id
        join c in db.Customers on d.CustomerId equals c.Id
        join u in db.WebUsers on acc.WebUserId equals u.Id into users
        from u in users.DefaultIfEmpty()
        select new PrizeApplicationRow(a.Id, a.ApplicationNumber, a.Status, a.Channel, a.ReceivedAt, p.Code, p.Name, a.Quantity, a.Points,
            acc.Id, c.Code, c.Name, d.Name, u == null ? null : u.UserId, a.Carrier, a.TrackingNumber, a.ShippedAt, a.Version);
}
