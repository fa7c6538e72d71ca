using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Ordering;

/// <summary>
/// 簡易見積書 (docs/product-enquiry-and-quotes.md): an entry draft priced by the same <see cref="FaxOrderPricing"/> as an order
/// and kept as a numbered quote — no order, no stock reserved; listed per customer; reviewed for order entry when the customer
/// FAXes it back (priced again, the lines whose price rose flagged). The order itself is saved by <see cref="FaxOrderService"/>
/// with the quote's id on its draft, which closes the quote in the same transaction.
/// </summary>
public sealed class QuoteService(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    ICurrentStaff staff,
    TimeProvider time,
    IOptions<RulesOptions> options,
    IOptions<DeskContactOptions> desk,
    BusinessCalendarCache calendar,
    BusinessClock clock)
{
    /// <summary>Quotes one list shows, newest first.</summary>
    public const int MaxListRows = 100;

    /// <summary>
    /// Prices the draft and keeps it as a quote with its number and valid-until date, audited. Refused like a save for what
    /// the lines and the header carry (unknown, inactive or locked products, bad quantities, a ship-to not the customer's, a
    /// requested date not possible); the budget and a possible duplicate are an order's questions, not a quote's.
    /// </summary>
    public async Task<QuoteIssued> IssueAsync(FaxOrderDraft draft, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == draft.CustomerId && c.IsActive).Select(c => (int?)c.DealerId)
                           .FirstOrDefaultAsync(cancellationToken) ?? throw new BusinessRuleException("Ordering.CustomerNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.FaxOrderEntry, customer);
        var priced = await PriceAsync(db, draft with { QuoteId = null }, cancellationToken, quoting: true);
        if (priced.Problems.FirstOrDefault(p => p.Key != "Ordering.BudgetHard") is { } problem)
            throw problem.ToException();
        var valid = priced.ValidLines.ToList();
        if (valid.Count == 0)
            throw new BusinessRuleException("Ordering.NoLines");

        var rules = options.Value;
        var standard = priced.Tax.PerRate.FirstOrDefault(r => r.RatePercent == rules.StandardTaxRatePercent);
        var reduced = priced.Tax.PerRate.FirstOrDefault(r => r.RatePercent == rules.ReducedTaxRatePercent);
        var quote = new Quote
        {
            // A unique placeholder until the database has issued the id the number is made of.
            QuoteNumber = "~" + Guid.NewGuid().ToString("N")[..19],
            CustomerId = draft.CustomerId,
            DepartmentId = draft.DepartmentId,
            ShipToId = draft.ShipToId,
            ShipToDepartmentId = draft.OtherShipToDepartmentId,
            RequestedDeliveryDate = draft.RequestedDeliveryDate,
            IssuedAt = time.GetUtcNow(),
            IssuedByStaffId = staff.Id,
            ValidUntil = clock.Today.AddDays(rules.QuoteValidDays),
            GoodsSubtotal = priced.GoodsSubtotal,
            ShippingFee = priced.Shipping.Fee,
            ShippingFeeReason = priced.Shipping.Reason,
            StandardRatePercent = rules.StandardTaxRatePercent,
            TaxableStandard = standard?.TaxableExTax ?? 0,
            TaxStandard = standard?.Tax ?? 0,
            ReducedRatePercent = rules.ReducedTaxRatePercent,
            TaxableReduced = reduced?.TaxableExTax ?? 0,
            TaxReduced = reduced?.Tax ?? 0,
            Total = priced.Total,
            Lines = valid.Select((l, i) => new QuoteLine
            {
                LineNumber = i + 1,
                ProductId = l.Product!.Id,
                ProductCode = l.Product.Code,
                ProductName = l.Product.Name,
                Maker = l.Product.Maker,
                Quantity = l.Quantity!.Value,
                ListUnitPrice = l.Product.ListPrice,
                UnitPrice = l.UnitPrice,
                Amount = l.Amount,
                TaxClass = l.Product.TaxClass,
                DeliveryClass = l.Product.DeliveryClass,
                LineComment = l.Comment,
            }).ToList(),
        };
        db.Quotes.Add(quote);
        await db.SaveChangesAsync(cancellationToken);
        quote.QuoteNumber = string.Create(CultureInfo.InvariantCulture, $"Q{clock.ToBusinessTime(quote.IssuedAt):yyMMdd}{quote.Id:D7}");
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Ordering.QuoteIssued", nameof(Quote), quote.QuoteNumber, null, new
        {
            quote.QuoteNumber, Customer = priced.Customer.Code, quote.DepartmentId, quote.ValidUntil, quote.GoodsSubtotal,
                quote.ShippingFee,
            quote.Total, Lines = quote.Lines.Select(l => new { l.ProductCode, l.Quantity, l.UnitPrice }),
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new QuoteIssued(quote.Id, quote.QuoteNumber);
    }

    /// <summary>The quote as its sheet prints it (dealer reps: their own customers' quotes, to read).</summary>
    public async Task<QuoteSheet> GetAsync(int quoteId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ProductEnquiry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SheetAsync(db, await LoadAsync(db, quoteId, Capability.ProductEnquiry, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Quotes newest first (at most <see cref="MaxListRows"/>): by quote number, customer code, or company name / reading
    /// (folded as customer search is); dealer reps see their own customers' only. An empty text lists nothing.
    /// </summary>
    public async Task<IReadOnlyList<QuoteListRow>> ListAsync(string? text, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ProductEnquiry);
        var folded = JapaneseInput.FoldForSearch(text);
        if (folded.Length == 0)
            return [];
        var code = JapaneseInput.NormalizeCode(text).ToUpperInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var quotes = db.Quotes.AsNoTracking()
            .Where(q => q.QuoteNumber == code || q.Customer!.Code == code || q.Customer.SearchKey.Contains(folded));
        if (AccessPolicy.DealerScope(staff) is { } dealer)
            quotes = quotes.Where(q => q.Customer!.DealerId == dealer);
        var today = clock.Today;
        return await quotes.OrderByDescending(q => q.IssuedAt).ThenByDescending(q => q.Id).Take(MaxListRows)
            .Select(q => new QuoteListRow(q.Id, q.QuoteNumber, q.IssuedAt, q.ValidUntil, q.ValidUntil < today, q.Customer!.Code,
                q.Customer.Name,
                q.Department!.Name, q.Lines.Count, q.Total, q.OrderId, q.Order!.OrderNumber))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// 受注 from a FAXed-back quote: its draft with the quote's customer, department, ship-to and lines, received now, priced again
    /// with today's prices and rules; the lines whose unit price rose since the quote. A quote already ordered is refused.
    /// </summary>
    public async Task<QuoteReview> ReviewAsync(int quoteId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var quote = await LoadAsync(db, quoteId, Capability.FaxOrderEntry, cancellationToken);
        if (quote.OrderId is not null)
            throw new BusinessRuleException("Ordering.QuoteAlreadyOrdered", quote.QuoteNumber);
        var sheet = await SheetAsync(db, quote, cancellationToken);
        var requested = quote.RequestedDeliveryDate is { } day && day > clock.Today ? day : (DateOnly?)null;
        var draft = new FaxOrderDraft(quote.CustomerId, quote.DepartmentId, quote.ShipToId, time.GetUtcNow(), requested,
            sheet.Lines.Select(l => new FaxOrderDraftLine(l.ProductCode, l.Quantity.ToString(CultureInfo.InvariantCulture),
                l.LineComment)).ToList(),
            ShipToDepartmentId: quote.ShipToDepartmentId, QuoteId: quoteId);
        var now = (await PriceAsync(db, draft, cancellationToken)).Lines.ToDictionary(l => l.LineNumber);
        var rises = sheet.Lines
            .Where(l => now.GetValueOrDefault(l.LineNumber) is { Product: not null } line && line.UnitPrice > l.UnitPrice)
            .Select(l => new QuotePriceRise(l.LineNumber, l.ProductCode, l.ProductName, l.UnitPrice, now[l.LineNumber].UnitPrice))
            .ToList();
        return new QuoteReview(sheet, draft, rises);
    }

    private async Task<PricedOrder> PriceAsync(SmartOfficeDbContext db, FaxOrderDraft draft, CancellationToken cancellationToken,
        bool quoting = false)
    {
        var pricing = new FaxOrderPricing(options.Value, await calendar.GetAsync(cancellationToken), clock, time);
        return await pricing.PriceAsync(db, draft, null, cancellationToken, quoting);
    }

    /// <summary>The quote with what its sheet prints, if the caller may see its customer's quotes.</summary>
    private async Task<Quote> LoadAsync(SmartOfficeDbContext db, int quoteId, Capability capability, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking().AsSplitQuery()
                        .Include(q => q.Customer!.Region).Include(q => q.Customer!.Dealer).Include(q => q.Department).Include(q => q.Lines)
                        .Include(q => q.Order)
                        .FirstOrDefaultAsync(q => q.Id == quoteId, cancellationToken)
                    ?? throw new BusinessRuleException("Ordering.QuoteNotFound");
        AccessPolicy.DemandCustomer(staff, capability, quote.Customer!.DealerId);
        return quote;
    }

    private async Task<QuoteSheet> SheetAsync(SmartOfficeDbContext db, Quote quote, CancellationToken cancellationToken)
    {
        var c = quote.Customer!;
        var shipTo = quote.ShipToId is { } shipToId
            ? await db.ShipTos.AsNoTracking().Where(s => s.Id == shipToId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken)
            : quote.ShipToDepartmentId is { } other
                ? await db.Departments.AsNoTracking().Where(d => d.Id == other).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken)
                : null;
        var issuedBy = await db.Users.AsNoTracking().Where(u => u.Id == quote.IssuedByStaffId).Select(u =>
            u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var taxes = new[]
            {
                new QuoteTax(quote.StandardRatePercent, quote.TaxableStandard, quote.TaxStandard),
                new QuoteTax(quote.ReducedRatePercent, quote.TaxableReduced, quote.TaxReduced),
            }
            .Where(t => t.Taxable > 0).ToList();
        var d = desk.Value;
        return new QuoteSheet(quote.Id, quote.QuoteNumber, quote.IssuedAt, quote.ValidUntil, quote.ValidUntil < clock.Today, issuedBy,
            new OrderingCustomerMatch(c.Id, c.Code, c.Name, c.NameKana, c.Fax, c.Phone, c.Region?.Name ?? "", c.Dealer?.Name ?? ""),
            quote.Department!.Name, shipTo ?? quote.Department.Name, quote.RequestedDeliveryDate,
            quote.Lines.OrderBy(l => l.LineNumber).Select(l => new QuoteSheetLine(l.LineNumber, l.ProductCode, l.ProductName, l.Maker,
                l.Quantity,
                l.UnitPrice, l.Amount, l.TaxClass, l.DeliveryClass, l.LineComment)).ToList(),
            quote.GoodsSubtotal, quote.ShippingFee, quote.ShippingFeeReason, options.Value.FreeShippingThreshold, taxes, quote.Total,
            quote.OrderId, quote.Order?.OrderNumber, new DeskContact(d.Name, d.Phone, d.Fax, d.Email, d.Hours));
    }
}
