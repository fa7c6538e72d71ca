using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using SmartOffice.Domain;
using SmartOffice.Domain.Ordering;

namespace SmartOffice.Console.Components.Pages.Ordering;

/// <summary>
/// The entry form and issue 23 (docs/product-enquiry-and-quotes.md): the products "added to the order" from 在庫納期照会 of this
/// tab, a quote (簡易見積書) issued from the draft, and a FAXed-back quote keyed as an order with its price rises shown.
/// </summary>
public partial class OrderEntry
{
    [Inject] private OrderEntryHandOff HandOff { get; set; } = null!;
    [Inject] private QuoteService Quotes { get; set; } = null!;
    [Inject] private IStringLocalizer<QuotesText> Q { get; set; } = null!;

    /// <summary>受注 from a quote the customer FAXed back: the form starts with its customer, department, ship-to and lines.</summary>
    [SupplyParameterFromQuery(Name = "quote")] public int? QuoteFrom { get; set; }

    private QuoteReview? _fromQuote;
    private bool _issuing;

    private async Task StartFromQuoteAsync(int quoteId)
    {
        try
        {
            var review = await Quotes.ReviewAsync(quoteId);
            if (!await UseDraftAsync(review.Draft))
                return;
            _fromQuote = review;
            _form.QuoteId = quoteId;
        }
        catch (BusinessRuleException e)
        {
            _saveError = e.Message;
        }
    }

    /// <summary>
    /// The products added from 在庫納期照会 in this tab, after the lines already there, with their customer when the form has
    /// none yet; returns where the focus goes (the first added line's quantity), or null when nothing was waiting.
    /// </summary>
    private async Task<string?> TakeHandOffAsync()
    {
        if (HandOff.Count == 0)
            return null;
        var (customerId, codes) = HandOff.Take();
        if (_form.Customer is null && customerId is { } id)
            await UseCustomerAsync(id);
        var at = _form.Lines.FindLastIndex(l => !l.IsBlank) + 1;
        _form.Paste(at, codes.Select(c => new PastedLine(c, "", "")).ToList());
        ScheduleQuote();
        return _form.Customer is null ? "#customer-search" : OrderLineGrid.FieldSelector(at, "qty");
    }

    /// <summary>見積書: the draft priced and kept as a quote (no order, no stock), then its sheet to print.</summary>
    private async Task IssueQuoteAsync()
    {
        if (_issuing)
            return;
        if (_form.ToDraft(Clock) is not { } draft)
        {
            Refuse(HeaderProblem ?? T["Entry.NeedCustomer"].Value);
            return;
        }
        _issuing = true;
        try
        {
            var issued = await Quotes.IssueAsync(draft);
            Snackbar.Add(string.Format(Q["Entry.QuoteIssued"], issued.QuoteNumber), Severity.Success);
            Navigation.NavigateTo($"quotes/{issued.Id}");
        }
        catch (BusinessRuleException e)
        {
            await RefuseAsync(e.Message, draft);
        }
        finally
        {
            _issuing = false;
        }
    }
}
