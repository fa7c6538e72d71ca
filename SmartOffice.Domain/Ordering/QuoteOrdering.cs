using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Ordering;

/// <summary>An order saved from a FAXed-back quote closes the quote in the save's transaction (once: its UNIQUE order id).</summary>
internal static class QuoteOrdering
{
    /// <exception cref="BusinessRuleException">No such quote, another customer's, or one already ordered; nothing is saved.</exception>
    public static async Task CloseAsync(SmartOfficeDbContext db, int? quoteId, Order order, CancellationToken cancellationToken)
    {
        if (quoteId is not { } id)
            return;
        var quote = await db.Quotes.FirstOrDefaultAsync(q => q.Id == id, cancellationToken)
                    ?? throw new BusinessRuleException("Ordering.QuoteNotFound");
        quote.TurnedInto(order);
    }
}
