using Microsoft.AspNetCore.Components;
using SmartOffice.Domain;
using SmartOffice.Domain.Ordering;

namespace SmartOffice.Console.Components.Pages.Ordering;

/// <summary>
/// The entry form started from a draft the domain made — a FAXed-back quote or リピートオーダー (an earlier order copied,
/// docs/product-enquiry-and-quotes.md): the same hand-over for both, then priced again like any keyed draft.
/// </summary>
public partial class OrderEntry
{
    /// <summary>リピートオーダー: the earlier order whose lines and quantities the form starts with.</summary>
    [SupplyParameterFromQuery(Name = "repeat")] public int? RepeatOf { get; set; }

    private RepeatOrder? _repeat;

    /// <summary>A quote to order, or an order to repeat, when the address names one.</summary>
    private async Task StartFromDraftAsync()
    {
        if (QuoteFrom is { } quoteId)
            await StartFromQuoteAsync(quoteId);
        else if (RepeatOf is { } orderId)
            await StartRepeatAsync(orderId);
    }

    private async Task StartRepeatAsync(int orderId)
    {
        try
        {
            var repeat = await FaxOrders.RepeatAsync(orderId);
            if (await UseDraftAsync(repeat.Draft))
                _repeat = repeat;
        }
        catch (BusinessRuleException e)
        {
            _saveError = e.Message;
        }
    }

    /// <summary>
    /// The draft's customer, department (an inactive one leaves the choice to the agent), ship-to, requested date and lines,
    /// quoted at once; false when the customer cannot be used (the reason is shown).
    /// </summary>
    private async Task<bool> UseDraftAsync(FaxOrderDraft draft)
    {
        await UseCustomerAsync(draft.CustomerId);
        if (_form.Customer is not { } customer)
            return false;
        _form.DepartmentId = customer.Departments.Any(d => d.Id == draft.DepartmentId) ? draft.DepartmentId : _form.DepartmentId;
        (_form.ShipToId, _form.ShipToDepartmentId) = (draft.ShipToId, draft.ShipToDepartmentId);
        _form.RequestedDate = draft.RequestedDeliveryDate?.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        _form.Paste(0, draft.Lines.Select(l => new PastedLine(l.ProductCode ?? "", l.Quantity ?? "", l.LineComment ?? "")).ToList());
        ScheduleQuote();
        return true;
    }
}
