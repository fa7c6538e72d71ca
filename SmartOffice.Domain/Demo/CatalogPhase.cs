using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Prizes;

namespace SmartOffice.Domain.Demo;

/// <summary>A product with how often it is ordered and whether it may be returned (its own flag or its category's).</summary>
internal sealed record DemoProduct(Product Entity, double Popularity, bool NonReturnable);

internal sealed record DemoCatalog(IReadOnlyList<DemoProduct> Products, IReadOnlyList<Prize> Prizes);

/// <summary>Categories, products with makers and prices, and the prize catalogue.</summary>
internal sealed class CatalogPhase(DemoContext context)
{
    private readonly Random _rng = context.RandomFor(DemoPhase.Catalog);

    public async Task<DemoCatalog> RunAsync(CancellationToken cancellationToken)
    {
        var specs = DemoCatalogData.Categories;
        var categories = specs.Select((c, i) => new ProductCategory
        {
            Id = i + 1, Code = c.Code, Name = c.Name, NonReturnable = c.NonReturnable,
        }).ToList();

        var totalShare = specs.Sum(c => c.CatalogShare);
        var products = new List<DemoProduct>(context.Profile.Products);
        for (var c = 0; c < specs.Count; c++)
        {
            var count = c == specs.Count - 1
                ? context.Profile.Products - products.Count
                : (int)Math.Round(context.Profile.Products * specs[c].CatalogShare / totalShare);
            for (var i = 0; i < count; i++)
                products.Add(Product(products.Count + 1, categories[c], specs[c]));
        }

        var prizes = DemoCatalogData.Prizes.Select((p, i) => new Prize
        {
            Id = i + 1,
            Code = $"P{i + 1:D3}",
            Name = p.Name,
            PointCost = p.PointCost,
            Stock = _rng.Chance(0.05) ? 0 : _rng.Between(5, 300),
            ActiveFrom = context.FirstOrderDay.AddYears(-2),
            // Every tenth prize was withdrawn two months ago, so the catalogue shows an ended one.
            ActiveTo = i % 10 == 9 ? context.Today.AddMonths(-2) : null,
        }).ToList();

        await context.Writer.InsertAsync(categories, cancellationToken);
        await context.Writer.InsertAsync(products.Select(p => p.Entity).ToList(), cancellationToken);
        await context.Writer.InsertAsync(prizes, cancellationToken);
        return new DemoCatalog(products, prizes);
    }

    private DemoProduct Product(int id, ProductCategory category, CategorySpec spec)
    {
        var item = _rng.Pick(spec.Items);
        var variant = _rng.Pick(item.Variants);
        var maker = _rng.Pick(spec.Makers);
        var name = $"{maker} {item.Name.Replace("{model}", ModelNumber())} {variant}";
        var product = new Product
        {
            Id = id,
            // Seven digits that are distinct for every id below nine million (7919 is prime to 9,000,000).
            Code = $"{spec.CodeLetter}{1_000_000 + (long)id * 7919 % 9_000_000}",
            Name = name,
            Maker = maker,
            CategoryId = category.Id,
            IsActive = !_rng.Chance(0.02),
            NonReturnable = item.MadeToOrder,
            UnitPrice = Price(item),
            TaxClass = spec.TaxClass,
            DeliveryClass = spec.DeliveryClass,
            NoSaturdayDelivery = item.NoSaturdayDelivery,
            IsEco = _rng.Chance(spec.EcoChance) || variant.Contains("再生") || item.Name.Contains("リサイクル"),
            StockOnHand = _rng.Chance(0.03) ? 0 : _rng.Between(1, 800),
        };
        // Few best sellers, a long tail (the fourth power of a uniform draw); inactive products are no longer ordered.
        var popularity = product.IsActive ? spec.Popularity * (0.05 + 20 * Math.Pow(_rng.NextDouble(), 4)) : 0;
        return new DemoProduct(product, popularity, item.MadeToOrder || category.NonReturnable);
    }

    /// <summary>A list price ending like a catalogue's: tens below 1,000 yen, then hundreds or …80.</summary>
    private int Price(ItemSpec item)
    {
        var price = _rng.Between(item.MinPrice, item.MaxPrice);
        return price < 1_000 ? price / 10 * 10 : price / 100 * 100 + (_rng.Chance(0.4) ? 80 : 0);
    }

    private string ModelNumber() =>
        $"{(char)('A' + _rng.Next(26))}{(char)('A' + _rng.Next(26))}{_rng.Between(100, 999)}{_rng.Pick(ModelSuffixes)}";

    private static readonly string[] ModelSuffixes = ["", "K", "BK", "L", "XL"];
}
