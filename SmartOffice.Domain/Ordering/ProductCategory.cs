using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Ordering;

/// <summary>商品カテゴリ. Food, beverages and books are non-returnable (返品不可).</summary>
public class ProductCategory : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool NonReturnable { get; set; }
    public int Version { get; set; }
}
