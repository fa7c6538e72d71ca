using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Auditing;

/// <summary>
/// What the audit page searches by: who (name or staff id), the kind of record, its number or code, the customer it concerns
/// (by customer code: the customer itself and its orders, return slips, web users, departments, point accounts, balance
/// requests, prize applications and FAXes) and the Japan days it happened on (inclusive).
/// </summary>
public sealed record AuditQuery(string? Staff, string? EntityType, string? Record, string? CustomerCode, DateOnly? From, DateOnly? To,
    int Skip = 0, int Take = 50);

/// <summary>
/// An entry with the database id of its record where its page is addressed by id (an order by number has its id here), and
/// its record's name where the key is no word for a person (a staff account's id: "渡辺 浩 (admin1)").
/// </summary>
public sealed record AuditRow(AuditEntry Entry, int? RecordId, string? RecordName = null);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>
/// 監査ログ: the audit trail across every record, for supervisors and administrators (dealer reps and desk agents see each
/// record's own history on its page instead). Newest first; the search runs on the (At) and (EntityType, EntityId) indexes.
/// </summary>
public sealed class AuditTrailService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, BusinessClock clock)
{
    public const int MaxPageSize = 200;

    /// <summary>The kinds of record the console audits, as <see cref="AuditEntry.EntityType"/> holds them.</summary>
    public static readonly IReadOnlyList<string> EntityTypes =
    [
        "Order", "Customer", "WebUser", "Department", "ReturnSlip", "PointAccount", "BalanceRequest", "PrizeApplication", "Prize",
        "FaxInboxItem", "CalendarDay", "Region",
    ];

    public async Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AuditTrail);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await FoundAsync(db, query, cancellationToken);
        var total = await entries.CountAsync(cancellationToken);
        var page = await Newest(entries).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .ToListAsync(cancellationToken);
        var ids = await RecordIdsAsync(db, page, cancellationToken);
        var staffIds = page.Where(e => e.EntityType == nameof(StaffUser)).Select(e => e.EntityId).Distinct().ToList();
        var staffNames = await db.Users.Where(u => staffIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => $"{u.DisplayName} ({u.UserName})", cancellationToken);
        return new AuditPage(page.Select(e => new AuditRow(e, ids.GetValueOrDefault((e.EntityType, e.EntityId)),
            e.EntityType == nameof(StaffUser) ? staffNames.GetValueOrDefault(e.EntityId) : null)).ToList(), total);
    }

    /// <summary>Every entry the search finds, newest first (the page's rows, all pages), for an export.</summary>
    public async Task<ListRows<AuditEntry>> ExportAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AuditTrail);
        return await ListRows.OpenAsync(contexts, async (db, token) => Newest(await FoundAsync(db, query, token)), cancellationToken);
    }

    private static IQueryable<AuditEntry> Newest(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);

    private async Task<IQueryable<AuditEntry>> FoundAsync(SmartOfficeDbContext db, AuditQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        var who = JapaneseInput.Normalize(query.Staff);
        if (who.Length > 0)
        {
            var name = who.Replace(" ", "");
            entries = entries.Where(a => a.StaffId == who || a.StaffName.Replace(" ", "").Replace("\u3000", "").Contains(name));
        }
        if (!string.IsNullOrEmpty(query.EntityType))
            entries = entries.Where(a => a.EntityType == query.EntityType);
        var record = JapaneseInput.NormalizeCode(query.Record);
        if (record.Length > 0)
        {
            string upper = record.ToUpperInvariant(), lower = record.ToLowerInvariant();
            entries = entries.Where(a => a.EntityId == record || a.EntityId == upper || a.EntityId == lower);
        }
        if (query.From is { } from)
        {
            var start = clock.DayBounds(from).Start;
            entries = entries.Where(a => a.At >= start);
        }
        if (query.To is { } to)
        {
            var end = clock.DayBounds(to).End;
            entries = entries.Where(a => a.At < end);
        }
        var code = JapaneseInput.NormalizeCode(query.CustomerCode);
        if (code.Length == 0)
            return entries;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Code == code).Select(c => (int?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (customer is not { } id)
            throw new BusinessRuleException("Auditing.CustomerNotFound", code);
        return About(db, entries, id, code);
    }

    /// <summary>Entries about one customer: the customer's own, and those of every record that belongs to it.</summary>
    private static IQueryable<AuditEntry> About(SmartOfficeDbContext db, IQueryable<AuditEntry> entries, int customerId, string code)
    {
        var departments = db.Departments.Where(d => d.CustomerId == customerId).Select(d => d.Id);
        var accounts = db.PointAccounts.Where(p => departments.Contains(p.DepartmentId)).Select(p => p.Id);
        return entries.Where(a =>
            (a.EntityType == "Customer" && a.EntityId == code)
            || (a.EntityType == "Order" && db.Orders.Any(o => o.CustomerId == customerId && o.OrderNumber == a.EntityId))
            || (a.EntityType == "ReturnSlip" && db.ReturnSlips.Any(s => s.CustomerId == customerId && s.SlipNumber == a.EntityId))
            || (a.EntityType == "WebUser" && db.WebUsers.Any(u => departments.Contains(u.DepartmentId) && u.UserId == a.EntityId))
            || (a.EntityType == "PrizeApplication"
                && db.PrizeApplications.Any(p => accounts.Contains(p.PointAccountId) && p.ApplicationNumber == a.EntityId))
            || (a.EntityType == "Department" && departments.Any(d => d.ToString() == a.EntityId))
            || (a.EntityType == "PointAccount" && accounts.Any(p => p.ToString() == a.EntityId))
            || (a.EntityType == "BalanceRequest"
                && db.BalanceRequests.Any(r => r.CustomerId == customerId && r.Id.ToString() == a.EntityId))
            || (a.EntityType == "FaxInboxItem" && db.FaxInboxItems.Any(f => f.CustomerId == customerId && f.Id.ToString() == a.EntityId)));
    }

    /// <summary>
    /// The id each page-addressed record has: orders, return slips, prize applications, customers and web users are audited by
    /// their number or code; a department's page is its customer's; point accounts, balance requests and FAXes by id already.
    /// </summary>
    private static async Task<Dictionary<(string, string), int>> RecordIdsAsync(SmartOfficeDbContext db, IReadOnlyList<AuditEntry> page,
        CancellationToken cancellationToken)
    {
        List<string> Keys(string type) => page.Where(e => e.EntityType == type).Select(e => e.EntityId).Distinct().ToList();
        var ids = new Dictionary<(string, string), int>();
        void Add(string type, IEnumerable<(string Key, int Id)> found)
        {
            foreach (var (key, id) in found)
                ids[(type, key)] = id;
        }
        var orders = Keys("Order");
        Add("Order", (await db.Orders.Where(o => orders.Contains(o.OrderNumber)).Select(o => new { o.OrderNumber, o.Id })
            .ToListAsync(cancellationToken))
            .Select(o => (o.OrderNumber, o.Id)));
        var slips = Keys("ReturnSlip");
        Add("ReturnSlip", (await db.ReturnSlips.Where(s => slips.Contains(s.SlipNumber)).Select(s => new { s.SlipNumber, s.Id })
            .ToListAsync(cancellationToken))
            .Select(s => (s.SlipNumber, s.Id)));
        var applications = Keys("PrizeApplication");
        Add("PrizeApplication", (await db.PrizeApplications.Where(a => applications.Contains(a.ApplicationNumber))
            .Select(a => new { a.ApplicationNumber, a.Id }).ToListAsync(cancellationToken)).Select(a => (a.ApplicationNumber, a.Id)));
        var customers = Keys("Customer");
        Add("Customer", (await db.Customers.Where(c => customers.Contains(c.Code)).Select(c => new { c.Code, c.Id })
            .ToListAsync(cancellationToken))
            .Select(c => (c.Code, c.Id)));
        var users = Keys("WebUser");
        Add("WebUser", (await db.WebUsers.Where(u => users.Contains(u.UserId)).Select(u => new { u.UserId, u.Id })
            .ToListAsync(cancellationToken))
            .Select(u => (u.UserId, u.Id)));
        var departments = Keys("Department").Select(k => int.TryParse(k, out var id) ? id : 0).ToList();
        Add("Department", (await db.Departments.Where(d => departments.Contains(d.Id)).Select(d => new { d.Id, d.CustomerId })
            .ToListAsync(cancellationToken))
            .Select(d => (d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.CustomerId)));
        foreach (var e in page.Where(e => e.EntityType is "PointAccount" or "BalanceRequest" or "FaxInboxItem"))
            if (int.TryParse(e.EntityId, out var id))
                ids[(e.EntityType, e.EntityId)] = id;
        return ids;
    }
}
