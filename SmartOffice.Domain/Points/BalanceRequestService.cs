using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Points;

/// <summary>
/// FAX専用ポイント確認依頼用紙 (docs/business-rules.md §6): register a faxed balance request against the department's FAX account,
/// produce the reply sheet, mark it sent; the open requests oldest first.
/// </summary>
public sealed class BalanceRequestService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time,
    BusinessClock clock, PointAccountService accounts, IOptions<DeskContactOptions> contact, FaxInboxLink faxInbox)
{
    private const string ChangedKey = "Points.RequestChanged";

    public async Task<int> RegisterAsync(BalanceRequestInput input, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsProcess);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = JapaneseInput.NormalizeCode(input.CustomerCode);
        if (code.Length == 0)
            throw new BusinessRuleException("Points.CustomerCodeRequired");
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken)
                       ?? throw new BusinessRuleException("Points.CustomerNotFound", code);
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == input.DepartmentId
            && d.CustomerId == customer.Id,
                             cancellationToken) ?? throw new BusinessRuleException("Points.DepartmentRequired");
        var receivedAt = input.FaxReceivedAt ?? time.GetUtcNow();
        if (receivedAt > time.GetUtcNow())
            throw new BusinessRuleException("Points.FaxReceivedInFuture");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await faxInbox.DemandClaimAsync(db, input.FaxInboxItemId, cancellationToken);
        var account = await accounts.Ledger(db).DepartmentAccountAsync(department.Id, cancellationToken);
        var request = BalanceRequest.Register(customer.Id, department.Id, account.Id, receivedAt, input.FaxInboxItemId);
        db.BalanceRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        await faxInbox.CloseAsync(db, input.FaxInboxItemId, FaxKind.BalanceRequest, request.Id, customer.Id, cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Points.BalanceRequestRegistered", nameof(BalanceRequest), request.Id, null,
            new { customer.Code, Department = department.Name, FaxReceivedAt = clock.ToBusinessTime(receivedAt) }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        faxInbox.Announce(input.FaxInboxItemId);
        return request.Id;
    }

    /// <summary>The customer named by the code on the form and its departments, or null for an unknown code.</summary>
    public async Task<(int CustomerId, string CustomerName,
        IReadOnlyList<Accounts.DepartmentChoice> Departments)?> DepartmentsOfCustomerAsync(string? customerCode,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsProcess);
        var code = JapaneseInput.NormalizeCode(customerCode);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Code == code).Select(c => new { c.Id,
            c.Name }).FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
            return null;
        var departments = await db.Departments.AsNoTracking().Where(d => d.CustomerId == customer.Id && d.IsActive).OrderBy(d => d.Code)
            .Select(d => new Accounts.DepartmentChoice(d.Id, d.Code, d.Name)).ToListAsync(cancellationToken);
        return (customer.Id, customer.Name, departments);
    }

    /// <summary>Requests by age: open ones oldest first (or every request, newest first).</summary>
    public async Task<BalanceRequestPage> ListAsync(bool openOnly, int skip, int take, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requests = Listed(db, openOnly);
        var total = await requests.CountAsync(cancellationToken);
        var rows = await Rows(db, requests.Skip(skip).Take(take)).ToListAsync(cancellationToken);
        return new BalanceRequestPage(rows, total);
    }

    /// <summary>Every request of the list, in its order (the page's rows, all pages), for an export.</summary>
    public async Task<ListRows<BalanceRequestRow>> ExportAsync(bool openOnly, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsView);
        return await ListRows.OpenAsync(contexts, db => Rows(db, Listed(db, openOnly)), cancellationToken);
    }

    private IQueryable<BalanceRequest> Listed(SmartOfficeDbContext db, bool openOnly)
    {
        var dealer = AccessPolicy.DealerScope(staff);
        var requests = db.BalanceRequests.AsNoTracking();
        if (dealer is not null)
            requests = requests.Where(r => db.Customers.Any(c => c.Id == r.CustomerId && c.DealerId == dealer));
        return openOnly
            ? requests.Where(r => r.Status == BalanceRequestStatus.Open).OrderBy(r => r.FaxReceivedAt).ThenBy(r => r.Id)
            : requests.OrderByDescending(r => r.FaxReceivedAt).ThenByDescending(r => r.Id);
    }

    public async Task<BalanceReplySheet> ReplySheetAsync(int requestId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.BalanceRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken)
                      ?? throw new BusinessRuleException("Points.RequestNotFound");
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == request.CustomerId, cancellationToken);
        AccessPolicy.DemandCustomer(staff, Capability.PointsView, customer.DealerId);
        var row = await Rows(db, db.BalanceRequests.Where(r => r.Id == requestId)).SingleAsync(cancellationToken);
        var accountId = request.PointAccountId
                        ?? await db.PointAccounts.Where(a => a.DepartmentId == request.DepartmentId
                            && a.Kind == PointAccountKind.Department)
                            .Select(a => a.Id).FirstAsync(cancellationToken);
        var account = (await accounts.RowsAsync(db, [accountId], cancellationToken)).Single();
        var schedule = await accounts.ScheduleAsync(db, accountId, cancellationToken);
        return new BalanceReplySheet(row, customer.Fax, clock.Today, account.Balance, account.ExpiringThisMonth,
            schedule.Where(m => m.Points > 0).ToList(), contact.Value);
    }

    /// <summary>送信済: the reply went out by FAX.</summary>
    public async Task MarkSentAsync(int requestId, int version, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsProcess);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.BalanceRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken)
                      ?? throw new BusinessRuleException("Points.RequestNotFound");
        request.AsSeen(version, ChangedKey);
        request.MarkSent(time.GetUtcNow(), staff.Id);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Points.BalanceReplySent", nameof(BalanceRequest), request.Id,
            new { Status = BalanceRequestStatus.Open }, new { request.Status }));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
    }

    private static IQueryable<BalanceRequestRow> Rows(SmartOfficeDbContext db, IQueryable<BalanceRequest> requests) =>
        from r in requests
        join c in db.Customers on r.CustomerId equals c.Id
        join d in db.Departments on r.DepartmentId equals d.Id
        select new BalanceRequestRow(r.Id, c.Code, c.Name, d.Name, r.FaxReceivedAt, r.Status, r.SentAt, r.Version);
}
