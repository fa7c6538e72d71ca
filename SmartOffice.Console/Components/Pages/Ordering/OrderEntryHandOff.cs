namespace SmartOffice.Console.Components.Pages.Ordering;

/// <summary>
/// "Add to the order" of 在庫納期照会: the products chosen in this tab (one per circuit, so another tab's entry form never
/// gets them) wait here until the entry form of this tab opens and takes them, with the customer they were looked up for
/// (docs/product-enquiry-and-quotes.md).
/// </summary>
public sealed class OrderEntryHandOff
{
    private readonly List<string> _codes = [];

    /// <summary>The customer of the enquiry the products were added from; null when none was chosen.</summary>
    public int? CustomerId { get; private set; }

    public int Count => _codes.Count;

    /// <summary>A product for the order; a different customer starts the list again (its lines were for someone else).</summary>
    public void Add(string productCode, int? customerId)
    {
        if (customerId is not null && customerId != CustomerId)
        {
            _codes.Clear();
            CustomerId = customerId;
        }
        _codes.Add(productCode);
    }

    /// <summary>Everything waiting, once: the list is empty afterwards.</summary>
    public (int? CustomerId, IReadOnlyList<string> Codes) Take()
    {
        var taken = (CustomerId, (IReadOnlyList<string>)[.. _codes]);
        _codes.Clear();
        CustomerId = null;
        return taken;
    }
}
