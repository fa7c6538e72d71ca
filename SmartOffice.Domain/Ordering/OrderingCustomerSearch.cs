using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Ordering;

/// <summary>What order entry and the product enquiry both read of a customer: the customer search and its order locks.</summary>
internal static class OrderingCustomerSearch
{
    /// <summary>
    /// Customers by customer code, FAX or phone number (digits only, however typed), or company name / reading (partial,
    /// かな/カナ folded, 株式会社 ignored). Exact code and exact FAX number matches come first. <paramref name="dealer"/>: only
    /// that dealer's customers (a dealer rep's scope).
    /// </summary>
    public static async Task<IReadOnlyList<OrderingCustomerMatch>> FindAsync(SmartOfficeDbContext db, string? text, int? dealer, int take,
        CancellationToken cancellationToken)
    {
        var normalized = JapaneseInput.Normalize(text);
        if (normalized.Length == 0)
            return [];
        var code = JapaneseInput.NormalizeCode(text).ToUpperInvariant();
        var digits = JapaneseInput.Digits(text);
        // A number is searched by its digits only when it is all there is (a name may contain a digit or two).
        var byNumber = digits.Length >= 4 && digits.Length >= normalized.Count(c => !char.IsWhiteSpace(c)) - 3;
        var folded = JapaneseInput.FoldForSearch(normalized);

        var customers = db.Customers.AsNoTracking().Where(c => c.IsActive);
        if (dealer is { } scope)
            customers = customers.Where(c => c.DealerId == scope);
        customers = customers.Where(c => c.Code == code
                                         || (byNumber && (c.PhoneDigits.Contains(digits) || (c.FaxDigits != null
                                             && c.FaxDigits.Contains(digits))))
                                         || (!byNumber && folded.Length > 0 && c.SearchKey.Contains(folded)));
        return await customers
            .OrderBy(c => c.Code == code ? 0 : c.FaxDigits == digits ? 1 : c.PhoneDigits == digits ? 2 : 3)
            .ThenBy(c => c.Code)
            .Take(take)
            .Select(c => new OrderingCustomerMatch(c.Id, c.Code, c.Name, c.NameKana, c.Fax, c.Phone, c.Region!.Name, c.Dealer!.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>発注制限: the products and categories the customer may not order.</summary>
    public static async Task<(HashSet<int> Products, HashSet<int> Categories)> LocksAsync(SmartOfficeDbContext db, int customerId,
        CancellationToken cancellationToken)
    {
        var locks = await db.OrderLocks.AsNoTracking().Where(l => l.CustomerId == customerId)
            .Select(l => new { l.ProductId, l.CategoryId }).ToListAsync(cancellationToken);
        return (locks.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).ToHashSet(),
            locks.Where(l => l.CategoryId is not null).Select(l => l.CategoryId!.Value).ToHashSet());
    }
}
