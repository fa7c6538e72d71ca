using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Ordering;

/// <summary>商品 — a catalogue item.</summary>
public class Product : IVersioned
{
    public int Id { get; set; }
    /// <summary>商品コード, stored upper-case half-width so lookups are case- and width-insensitive.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Maker { get; set; }
    public int CategoryId { get; set; }
    public ProductCategory? Category { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Non-returnable by itself, whatever its category says.</summary>
    public bool NonReturnable { get; set; }
    /// <summary>List price, yen ex-tax (税抜).</summary>
    public int UnitPrice { get; set; }
    public TaxClass TaxClass { get; set; }
    /// <summary>Standard, truck mark (トラックマーク, furniture) or phone mark (電話マーク, special order).</summary>
    public DeliveryClass DeliveryClass { get; set; }
    /// <summary>Cannot be delivered on a Saturday even when one is requested.</summary>
    public bool NoSaturdayDelivery { get; set; }
    /// <summary>環境配慮商品.</summary>
    public bool IsEco { get; set; }
    public int StockOnHand { get; set; }
    public int Version { get; set; }

    /// <summary>The longest search key stored (the column's length).</summary>
    public const int SearchKeyLength = 300;

    /// <summary>
    /// 在庫納期照会's search key: code, name and maker folded as a query is (<see cref="JapaneseInput.FoldForSearch"/>), one per
    /// line so a query never matches across two of them. Computed from the product itself, so no writer can forget it; the
    /// setter is EF's only (docs/product-enquiry-and-quotes.md).
    /// </summary>
    public string SearchKey
    {
        get
        {
            var key = string.Join('\n', JapaneseInput.FoldForSearch(Code), JapaneseInput.FoldForSearch(Name),
                JapaneseInput.FoldForSearch(Maker));
            return key.Length <= SearchKeyLength ? key : key[..SearchKeyLength];
        }
        private set { }
    }
}
