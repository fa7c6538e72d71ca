using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Ordering;

/// <summary>An order saved from a FAXed-back quote closes the quote in the save's transaction (once: its UNIQUE order id).</summary>
internal static class QuoteOrdering
{
    /// <summary>The draft's quote, tracked, when it may still become this customer's order; null without one.</summary>
    /// <exception cref="BusinessRuleException">No such quote, another customer's, or one already ordered: refused
    /// before any confirmation is asked.</exception>
    public static async Task<Quote?> OpenAsync(SmartOfficeDbContext db, FaxOrderDraft draft, CancellationToken cancellationToken)
    {
        if (draft.QuoteId is not { } id)
            return null;
        var quote = await db.Quotes.FirstOrDefaultAsync(q => q.Id == id, cancellationToken)
                    ?? throw new BusinessRuleException("Ordering.QuoteNotFound");
        quote.DemandOpenFor(draft.CustomerId);
        return quote;
    }
}
