using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Ordering;

/// <summary>
/// 在庫納期照会 (docs/product-enquiry-and-quotes.md): products by code, name, maker or category, folded as customer search is,
/// with stock, delivery class and price, and — for a chosen customer — the 受付日 and delivery date a FAX received now would
/// get, from the same <see cref="DeliveryRules"/> and calendar order entry prices with. Dealer reps: their own customers only.
/// </summary>
public sealed class ProductEnquiryService(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    ICurrentStaff staff,
    TimeProvider time,
    IOptions<RulesOptions> options,
    BusinessCalendarCache calendar,
    BusinessClock clock)
{
    /// <summary>Rows one search returns; a caller who needs more names the product more closely.</summary>
    public const int MaxRows = 50;

    /// <summary>The customers the caller may look up (dealer reps: their own), as order entry finds them.</summary>
    public async Task<IReadOnlyList<OrderingCustomerMatch>> FindCustomersAsync(string? text, int take = 20,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ProductEnquiry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await OrderingCustomerSearch.FindAsync(db, text, AccessPolicy.DealerScope(staff), Math.Clamp(take, 1, MaxRows),
            cancellationToken);
    }

    /// <summary>Active products matching the text: an exact code first, then by code. An empty text finds nothing.</summary>
    public async Task<ProductEnquiry> SearchAsync(ProductEnquiryQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ProductEnquiry);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var customer = query.CustomerId is { } customerId ? await CustomerAsync(db, customerId, cancellationToken) : null;

        var normalized = JapaneseInput.Normalize(query.Text);
        var folded = JapaneseInput.FoldForSearch(normalized);
        if (folded.Length == 0)
            return new ProductEnquiry([], false, customer?.Enquiry, now);
        var code = JapaneseInput.NormalizeCode(normalized).ToUpperInvariant();
        // Categories are few: folded here, matched by id in the query.
        var categories = (await db.ProductCategories.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
            .Where(c => JapaneseInput.FoldForSearch(c.Name).Contains(folded, StringComparison.Ordinal)).Select(c => c.Id).ToList();
        var found = await db.Products.AsNoTracking()
            .Where(p => p.IsActive && (p.Code.StartsWith(code) || p.SearchKey.Contains(folded) || categories.Contains(p.CategoryId)))
            .OrderBy(p => p.Code == code ? 0 : 1).ThenBy(p => p.Code)
            .Take(MaxRows + 1)
            .Select(p => new
            {
                p.Id, p.Code, p.Name, p.Maker, p.CategoryId, Category = p.Category!.Name, p.StockOnHand, p.DeliveryClass, p.TaxClass,
                    p.UnitPrice,
            })
            .ToListAsync(cancellationToken);
        var rows = found.Take(MaxRows).ToList();

        (HashSet<int> Products, HashSet<int> Categories)? locks = customer is null ? null : await OrderingCustomerSearch.LocksAsync(db,
            customer.Enquiry.Id, cancellationToken);
        var delivery = customer is null ? null : new DeliveryRules(await calendar.GetAsync(cancellationToken), options.Value);
        var dates = new Dictionary<DeliveryClass, (TimeOnly Cutoff, DateOnly Acceptance, DateOnly? Date)>();
        (TimeOnly, DateOnly, DateOnly?) DatesOf(DeliveryClass deliveryClass)
        {
            if (!dates.TryGetValue(deliveryClass, out var d))
            {
                var cutoff = delivery!.CutoffFor(OrderChannel.Fax, deliveryClass, customer!.Cutoffs);
                var acceptance = delivery.AcceptanceDay(now, cutoff);
                dates[deliveryClass] = d = (cutoff, acceptance, delivery.EarliestDelivery(acceptance, deliveryClass, customer.Cutoffs,
                    saturdayRequested: false));
            }
            return d;
        }

        var today = clock.Today;
        return new ProductEnquiry(rows.Select(p =>
        {
            EnquiryDelivery? when = null;
            if (customer is not null)
            {
                var (cutoff, acceptance, date) = DatesOf(p.DeliveryClass);
                when = new EnquiryDelivery(cutoff, acceptance, acceptance == today, date, p.StockOnHand <= 0);
            }
            return new ProductEnquiryRow(p.Id, p.Code, p.Name, p.Maker, p.Category, p.StockOnHand, p.DeliveryClass, p.TaxClass, p.UnitPrice,
                customer is null ? null : TaxRules.DiscountedUnitPrice(p.UnitPrice, customer.Enquiry.VolumeDiscountRate), when,
                locks is not null && (locks.Value.Products.Contains(p.Id) || locks.Value.Categories.Contains(p.CategoryId)));
        }).ToList(), found.Count > MaxRows, customer?.Enquiry, now);
    }

    private sealed record CustomerFacts(EnquiryCustomer Enquiry, RegionCutoffs Cutoffs);

    private async Task<CustomerFacts> CustomerAsync(SmartOfficeDbContext db, int customerId, CancellationToken cancellationToken)
    {
        var c = await db.Customers.AsNoTracking().Where(c => c.Id == customerId && c.IsActive)
                    .Select(c => new { c.Id, c.Code, c.Name, c.DealerId, c.VolumeDiscountRate, c.Region })
                    .FirstOrDefaultAsync(cancellationToken)
                ?? throw new BusinessRuleException("Ordering.CustomerNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.ProductEnquiry, c.DealerId);
        var cutoffs = c.Region!.Cutoffs;
        return new CustomerFacts(new EnquiryCustomer(c.Id, c.Code, c.Name, c.Region!.Name, cutoffs.FaxCutoff, c.VolumeDiscountRate),
            cutoffs);
    }
}
