using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Diagnostics;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Ordering;

/// <summary>
/// FAX order entry (docs/business-rules.md §1–3, §6): find the customer, price the draft live, save it in one transaction (order
/// number, stock, shipments per delivery class, points, audit) exactly once per entry form, and correct or void it
/// until its cutoff batch closes. Every rule is checked here again on save, whatever the page showed.
/// </summary>
public sealed partial class FaxOrderService(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    ICurrentStaff staff,
    TimeProvider time,
    IOptions<RulesOptions> options,
    IOptions<DeskContactOptions> desk,
    BusinessCalendarCache calendar,
    BusinessClock clock,
    FaxInboxLink faxInbox,
    ConsoleMetrics? metrics = null)
{
    private const int MaxCustomerMatches = 50;
    private const string ChangedKey = "Ordering.OrderChanged";

    /// <summary>
    /// Customers by customer code, FAX or phone number (digits only, however typed), or company name / reading (partial,
    /// かな/カナ folded, 株式会社 ignored). Exact code and exact FAX number matches come first.
    /// </summary>
    public async Task<IReadOnlyList<OrderingCustomerMatch>> FindCustomersAsync(string? text, int take = 20,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await OrderingCustomerSearch.FindAsync(db, text, AccessPolicy.DealerScope(staff), Math.Clamp(take, 1, MaxCustomerMatches),
            cancellationToken);
    }

    /// <summary>The chosen customer with its active departments and registered ship-tos, discount, opt-out and FAX cutoff.</summary>
    public async Task<OrderingCustomer> GetCustomerAsync(int customerId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Include(c => c.Region).Include(c => c.Dealer)
                           .FirstOrDefaultAsync(c => c.Id == customerId && c.IsActive, cancellationToken)
                       ?? throw new BusinessRuleException("Ordering.CustomerNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.FaxOrderEntry, customer.DealerId);
        var departments = await db.Departments.AsNoTracking().Where(d => d.CustomerId == customerId && d.IsActive).OrderBy(d => d.Code)
            .Select(d => new OrderingDepartment(d.Id, d.Code, d.Name, d.Address, d.MonthlyBudget,
                d.BudgetKind)).ToListAsync(cancellationToken);
        var shipTos = await db.ShipTos.AsNoTracking().Where(s => s.CustomerId == customerId && s.IsActive).OrderBy(s => s.Id)
            .Select(s => new OrderingShipTo(s.Id, s.Name, s.Address)).ToListAsync(cancellationToken);
        var optedOut = customer.PointsOptedOutOn(clock.Today);
        return new OrderingCustomer(Match(customer), customer.VolumeDiscountRate, optedOut,
            customer.Region!.Cutoffs.FaxCutoff, departments, shipTos, customer.DeliverySlipNote);
    }

    /// <summary>The live summary of a draft: every line priced, shipping, tax, points, shipments, date, budget, duplicates.</summary>
    public async Task<FaxOrderQuote> QuoteAsync(FaxOrderDraft draft, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        var started = ConsoleMetrics.Start();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Half a dozen small queries: one connection for all of them, not one open and close each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var quote = (await PriceAsync(db, draft, null, cancellationToken)).Quote;
        metrics?.Quoted(started);
        return quote;
    }

    /// <summary>An order with its lines, shipments and totals, as the confirmation view and the printed sheet show it.</summary>
    public async Task<OrderDetail> GetOrderAsync(int orderId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await OrderDetails.LoadAsync(db, orderId, staff, Capability.FaxOrderEntry, cancellationToken);
    }

    /// <summary>品切れのお知らせ: the order's short lines, the customer's name and FAX, the desk's contact.</summary>
    public async Task<StockOutNotice> GetStockOutNoticeAsync(int orderId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId)
                        .Select(o => new
                        {
                            o.Id, o.OrderNumber, o.Customer!.Code, o.Customer.Name, o.Customer.Fax, Department = o.Department!.Name,
                                o.ReceivedAt,
                            o.KeyedAt, o.Version, o.StockOutNoticeSentAt, o.StockOutNoticeSentBy,
                        })
                        .FirstOrDefaultAsync(cancellationToken)
                    ?? throw new BusinessRuleException("Ordering.OrderNotFound");
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId && l.ShortOfStock).OrderBy(l => l.LineNumber)
            .Select(l => new StockOutLine(l.LineNumber, l.ProductCode, l.ProductName, l.Maker, l.Quantity, l.LineComment))
            .ToListAsync(cancellationToken);
        var d = desk.Value;
        return new StockOutNotice(order.Id, order.OrderNumber, order.Code, order.Name, order.Fax, order.Department, order.ReceivedAt,
            order.KeyedAt,
            lines, new DeskContact(d.Name, d.Phone, d.Fax, d.Email, d.Hours))
        {
            Version = order.Version,
            Sent = order.StockOutNoticeSentAt is { } at ? new StockOutNoticeSent(at, order.StockOutNoticeSentBy) : null,
        };
    }

    private async Task<PricedOrder> PriceAsync(SmartOfficeDbContext db, FaxOrderDraft draft, int? correcting,
        CancellationToken cancellationToken)
    {
        var pricing = new FaxOrderPricing(options.Value, await calendar.GetAsync(cancellationToken), clock, time);
        return await pricing.PriceAsync(db, draft, correcting, cancellationToken);
    }

    /// <summary>
    /// The customer's row locked for the rest of the transaction: bumps <see cref="Accounts.Customer.OrdersVersion"/> by one
    /// UPDATE before anything is read to decide on, so two saves, corrections or voids of one customer run one after the
    /// other on every provider (the hard budget and the additional-order shipping see each other; docs/text-and-order-rules.md).
    /// </summary>
    internal static Task LockCustomerOrdersAsync(SmartOfficeDbContext db, int customerId, CancellationToken cancellationToken) =>
        db.Customers.Where(c => c.Id == customerId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OrdersVersion, c => c.OrdersVersion + 1), cancellationToken);

    /// <summary>追加注文: the other open orders of the cause's groups priced again for shipping, in the caller's transaction.</summary>
    private async Task<IReadOnlyList<string>> RepriceGroupAsync(SmartOfficeDbContext db, Order cause, IEnumerable<DateOnly> acceptanceDays,
        CancellationToken cancellationToken)
    {
        var repricing = new AdditionalOrderRepricing(options.Value, await calendar.GetAsync(cancellationToken), clock, staff, time);
        return await repricing.RepriceAsync(db, cause, acceptanceDays, cancellationToken);
    }

    /// <summary>The first problem refuses the save; lines without any line at all too.</summary>
    private static void Refuse(PricedOrder priced)
    {
        if (priced.Problems.Count > 0)
            throw priced.Problems[0].ToException();
        if (!priced.ValidLines.Any())
            throw new BusinessRuleException("Ordering.NoLines");
    }

    /// <summary>FAX orders earn on the department's account, valid per the rules from the order's 受付日.</summary>
    private async Task EarnAsync(SmartOfficeDbContext db, Order order, CancellationToken cancellationToken)
    {
        if (order.PointsEarned == 0)
            return;
        var ledger = Ledger(db);
        var account = await ledger.DepartmentAccountAsync(order.DepartmentId, cancellationToken);
        await ledger.EarnAsync(account.Id, order.Id, order.PointsEarned, order.AcceptanceDay, cancellationToken);
    }

    private PointLedger Ledger(SmartOfficeDbContext db) => new(db, new PointRules(options.Value), time, staff.Id);

    private static OrderingCustomerMatch Match(Accounts.Customer c) =>
        new(c.Id, c.Code, c.Name, c.NameKana, c.Fax, c.Phone, c.Region?.Name ?? "", c.Dealer?.Name ?? "");
}
