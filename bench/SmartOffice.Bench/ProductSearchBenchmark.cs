using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Text;

namespace SmartOffice.Bench;

/// <summary>
/// <c>product-search</c>: 在庫納期照会's <see cref="ProductEnquiryService.SearchAsync"/> for a customer (their price, locks and
/// dates), in turn by a product word in hiragana, a maker, a category and a code prefix, taken from the data's own products.
/// Target p95 &lt; 50 ms. Baseline, same run: the same answers the obvious way — every active product loaded with its
/// category and folded in memory.
/// </summary>
internal sealed class ProductSearchBenchmark : IBenchmark
{
    private const double TargetP95Milliseconds = 50;
    private const int Warmup = 8;

    public async Task<IReadOnlyList<BenchResult>> RunAsync(IServiceProvider? services, int runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var contexts = services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>();
        string[] queries;
        int customerId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            customerId = await db.Customers.Where(c => c.IsActive).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(cancellationToken);
            var sample = await db.Products.Where(p => p.IsActive).OrderBy(p => p.Id).Skip(1234)
                .Select(p => new { p.Code, p.Name, p.Maker, Category = p.Category!.Name }).FirstAsync(cancellationToken);
            // A word of the name as a caller says it (hiragana), the maker, the category, the first letters of a code.
            var word = sample.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
            queries = [Hiragana(word), sample.Maker, sample.Category, sample.Code[..4]];
        }
        global::System.Console.WriteLine($"queries: {string.Join(" | ", queries)}");
        var service = new ProductEnquiryService(contexts, BenchStaff.Desk, services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<RulesOptions>>(), services.GetRequiredService<BusinessCalendarCache>(),
            services.GetRequiredService<BusinessClock>());

        var search = await Measurement.RunAsync("SearchAsync with a customer", Warmup, runs, async i =>
            await service.SearchAsync(new ProductEnquiryQuery(queries[i % queries.Length], customerId), cancellationToken));
        var baseline = await Measurement.RunAsync("baseline: every product folded in memory", Warmup, Math.Min(runs, 40), async i =>
            await NaiveSearchAsync(contexts, queries[i % queries.Length], cancellationToken));

        var ratio = baseline.P95 / search.P95;
        var met = search.P95 < TargetP95Milliseconds;
        global::System.Console.WriteLine(search);
        global::System.Console.WriteLine(baseline);
        global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p95 {search.P95:0.000} ms vs baseline {baseline.P95:0.000} ms: {ratio:0.0}x; target p95 < {TargetP95Milliseconds} " +
                $"ms: {(met ? "met" : "MISSED")}"));
        const string naive = "every product folded in memory";
        return
        [
            BenchResult.Against("product-search p95", search.P95, "ms", baseline.P95, naive, TargetP95Milliseconds),
            BenchResult.Against("product-search CPU per search", search.CpuMilliseconds, "ms", baseline.CpuMilliseconds, naive, null),
        ];
    }

    private static async Task<int> NaiveSearchAsync(IDbContextFactory<SmartOfficeDbContext> contexts, string text,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var folded = JapaneseInput.FoldForSearch(text);
        var products = await db.Products.AsNoTracking().Include(p => p.Category).Where(p => p.IsActive).ToListAsync(cancellationToken);
        return products.Where(p => JapaneseInput.FoldForSearch(p.Code + p.Name + p.Maker).Contains(folded, StringComparison.Ordinal)
                                   || JapaneseInput.FoldForSearch(p.Category!.Name).Contains(folded, StringComparison.Ordinal))
            .OrderBy(p => p.Code, StringComparer.Ordinal).Take(ProductEnquiryService.MaxRows).Count();
    }

    /// <summary>カタカナ as a caller's ひらがな (the search folds it back).</summary>
    private static string Hiragana(string text) => new([.. text.Select(c => c is >= 'ァ' and <= 'ヶ' ? (char)(c - ('ァ' - 'ぁ')) : c)]);
}
