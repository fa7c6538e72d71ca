using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Ordering;

/// <summary>
/// Order search and detail (注文照会): by order number, customer, receipt date range, channel and status, paged and
/// sorted in the database. Dealer reps see their own dealer's customers' orders only; desk, supervisors and
/// administrators see all. Fast on the large data: the customer is resolved first so the (CustomerId, ReceivedAt)
/// index serves the orders, the default order is the ReceivedAt index, and only one page of rows is read.
/// </summary>
public sealed class OrderSearchService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, BusinessClock clock)
{
    public const int MaxPageSize = 200;
    /// <summary>A customer text matching more customers than this is too vague to narrow orders by: the first ones are used.</summary>
    private const int MaxCustomersMatched = 500;

    /// <summary>Sortable columns: <c>ReceivedAt</c> (default), <c>OrderNumber</c>, <c>CustomerCode</c>, <c>Total</c>.</summary>
    public static readonly IReadOnlyList<string> SortColumns = ["ReceivedAt", "OrderNumber", "CustomerCode", "Total"];

    public async Task<OrderSearchPage> SearchAsync(OrderSearchQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.OrderSearch);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var orders = await FilteredAsync(db, query, cancellationToken);
        var total = await orders.CountAsync(cancellationToken);
        var skip = Math.Max(0, query.Skip);
        var take = Math.Clamp(query.Take, 1, MaxPageSize);
        if (IsNewestFirst(query) && total > skip + take)
            orders = await RecentWindowAsync(orders, query.To, skip + take, cancellationToken);
        var rows = await Rows(Sorted(orders, query.SortBy, query.Descending).Skip(skip).Take(take)).ToListAsync(cancellationToken);
        return new OrderSearchPage(rows, total);
    }

    /// <summary>Every order the search finds, in its sort (the page's filter and sort, all pages), for an export.</summary>
    public async Task<ListRows<OrderSearchRow>> ExportAsync(OrderSearchQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.OrderSearch);
        return await ListRows.OpenAsync(contexts, async (db, token) => Rows(Sorted(await FilteredAsync(db, query, token), query.SortBy,
            query.Descending)),
            cancellationToken);
    }

    /// <summary>
    /// The search's orders: a dealer rep's own dealer's customers only, then number, customer, dates, channel and
    /// status.
    /// </summary>
    private async Task<IQueryable<Order>> FilteredAsync(SmartOfficeDbContext db, OrderSearchQuery query,
        CancellationToken cancellationToken)
    {
        var dealer = AccessPolicy.DealerScope(staff);
        var orders = db.Orders.AsNoTracking();
        if (dealer is not null)
            orders = orders.Where(o => o.Customer!.DealerId == dealer);

        var number = JapaneseInput.NormalizeCode(query.OrderNumber).ToUpperInvariant();
        if (number.Length > 0)
        {
            // A prefix as a range, so the unique OrderNumber index serves it (LIKE would scan).
            var after = number[..^1] + (char)(number[^1] + 1);
            orders = orders.Where(o => string.Compare(o.OrderNumber, number) >= 0 && string.Compare(o.OrderNumber, after) < 0);
        }

        if (!string.IsNullOrWhiteSpace(query.CustomerText))
        {
            var customerIds = await MatchingCustomersAsync(db, query.CustomerText, dealer, cancellationToken);
            orders = orders.Where(o => customerIds.Contains(o.CustomerId));
        }
        if (query.From is { } from)
        {
            var start = clock.At(from, TimeOnly.MinValue);
            orders = orders.Where(o => o.ReceivedAt >= start);
        }
        if (query.To is { } to)
        {
            var end = clock.At(to.AddDays(1), TimeOnly.MinValue);
            orders = orders.Where(o => o.ReceivedAt < end);
        }
        if (query.Channel is { } channel)
            orders = orders.Where(o => o.Channel == channel);
        if (query.Status is { } status)
            orders = orders.Where(o => o.Status == status);
        return orders;
    }

    private static IQueryable<OrderSearchRow> Rows(IQueryable<Order> orders) =>
        orders.Select(o => new OrderSearchRow(o.Id, o.OrderNumber, o.ReceivedAt, o.Channel, o.Status, o.Customer!.Code, o.Customer.Name,
            o.Department!.Name, o.Lines.Count, o.Total));

    /// <summary>Days back from the newest possible receipt that the newest-first page tries before reading further back.</summary>
    private static readonly int[] RecentWindows = [7, 31, 92, 366];

    private static bool IsNewestFirst(OrderSearchQuery query) => query.Descending && query.SortBy is null or "ReceivedAt";

    /// <summary>
    /// The newest-first page of a customer set (a dealer rep's customers, a name matching several) would otherwise make the
    /// database sort all of their orders — 100,000 for the biggest account — to return 50. Narrowed to the shortest recent
    /// window that still holds the rows the page needs (counted on the ReceivedAt and CustomerId indexes), it sorts a few
    /// thousand at most; the page is the same.
    /// </summary>
    private async Task<IQueryable<Order>> RecentWindowAsync(IQueryable<Order> orders, DateOnly? to, int needed,
        CancellationToken cancellationToken)
    {
        var end = to is { } last ? clock.At(last.AddDays(1), TimeOnly.MinValue) : clock.Now.AddDays(1);
        foreach (var days in RecentWindows)
        {
            var since = end.AddDays(-days);
            var recent = orders.Where(o => o.ReceivedAt >= since);
            if (await recent.CountAsync(cancellationToken) >= needed)
                return recent;
        }
        return orders;
    }

    /// <summary>The order's detail; a dealer rep's view is limited to their own dealer's customers.</summary>
    public async Task<OrderDetail> GetAsync(int orderId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.OrderSearch);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await OrderDetails.LoadAsync(db, orderId, staff, Capability.OrderSearch, cancellationToken);
    }

    /// <summary>
    /// The order's history (keyed, corrected with the reason, voided), newest first; a dealer rep's only for their own
    /// dealer's customers.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(int orderId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.OrderSearch);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => new { o.OrderNumber, o.Customer!.DealerId })
                        .FirstOrDefaultAsync(cancellationToken)
                    ?? throw new BusinessRuleException("Ordering.OrderNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.OrderSearch, order.DealerId);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Order) && a.EntityId == order.OrderNumber)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Customer code (exact), FAX/phone digits, or name/reading (partial, folded).</summary>
    private static async Task<List<int>> MatchingCustomersAsync(SmartOfficeDbContext db, string text, int? dealer,
        CancellationToken cancellationToken)
    {
        var code = JapaneseInput.NormalizeCode(text).ToUpperInvariant();
        var digits = JapaneseInput.Digits(text);
        var byNumber = digits.Length >= 4 && digits.Length == code.Count(char.IsAsciiDigit)
            && code.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '(' or ')');
        var folded = JapaneseInput.FoldForSearch(text);
        var customers = db.Customers.AsNoTracking();
        if (dealer is not null)
            customers = customers.Where(c => c.DealerId == dealer);
        return await customers
            .Where(c => c.Code == code
                        || (byNumber && (c.PhoneDigits == digits || c.FaxDigits == digits))
                        || (!byNumber && folded.Length > 0 && c.SearchKey.Contains(folded)))
            .OrderBy(c => c.Id)
            .Take(MaxCustomersMatched)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<Order> Sorted(IQueryable<Order> orders, string? sortBy, bool descending) => sortBy switch
    {
        "OrderNumber" => descending ? orders.OrderByDescending(o => o.OrderNumber) : orders.OrderBy(o => o.OrderNumber),
        "CustomerCode" => descending
            ? orders.OrderByDescending(o => o.Customer!.Code).ThenByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id)
            : orders.OrderBy(o => o.Customer!.Code).ThenBy(o => o.ReceivedAt).ThenBy(o => o.Id),
        "Total" => descending
            ? orders.OrderByDescending(o => o.Total).ThenByDescending(o => o.Id)
            : orders.OrderBy(o => o.Total).ThenBy(o => o.Id),
        _ => descending
            ? orders.OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id)
            : orders.OrderBy(o => o.ReceivedAt).ThenBy(o => o.Id),
    };
}
