using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Domain;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Bench;

/// <summary>
/// <c>order-save</c>: <see cref="FaxOrderService.SaveAsync"/> of a 20-line FAX draft (the pricing benchmark's drafts) —
/// every rule checked again inside the transaction, order number, stock reserved line by line, shipments, points earned,
/// audit — on a copy of the <c>large</c> data (saves change it; the cache stays as generated). Soft-budget and duplicate
/// confirmations are given up front; a draft a rule refuses (an order lock, a hard budget) is timed too, it did all the
/// work up to the refusal. Target p95 &lt; 50 ms. No honest baseline: reported absolute.
/// </summary>
internal sealed class OrderSaveBenchmark : IBenchmark
{
    private const double TargetP95Milliseconds = 50;
    private const int Warmup = 20;

    public async Task<IReadOnlyList<BenchResult>> RunAsync(IServiceProvider? services, int runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var data = services.GetRequiredService<BenchData>();
        var copy = data.File + ".save-run";
        await using (var db = await services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>()
            .CreateDbContextAsync(cancellationToken))
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        Delete(copy);
        File.Copy(data.File, copy);
        try
        {
            await using var provider = BenchData.Build(data.RepositoryRoot, copy);
            var drafts = await OrderEntryPricingBenchmark.DraftsAsync(
                provider.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>(),
                provider.GetRequiredService<BusinessClock>(), Warmup + runs, cancellationToken);
            await using var scope = provider.CreateAsyncScope();
            var orders = scope.ServiceProvider.GetRequiredService<FaxOrderService>();
            var (saved, refused) = (0, 0);
            var save = await Measurement.RunAsync("SaveAsync, 20 lines", Warmup, runs, async i =>
            {
                try
                {
                    var result = await orders.SaveAsync(new FaxOrderSaveRequest(drafts[i], Guid.NewGuid(), SoftBudgetConfirmed: true,
                        DuplicateConfirmed: true), cancellationToken);
                    if (result.OrderId is not null)
                        saved++;
                }
                catch (BusinessRuleException)
                {
                    refused++;
                }
            });
            global::System.Console.WriteLine(save);
            global::System.Console.WriteLine($"{saved} orders saved, {refused} refused by a rule (warm-up included)");
            return
            [
                BenchResult.Absolute("order-save p50", save.P50, "ms", null),
                BenchResult.Absolute("order-save p95", save.P95, "ms", TargetP95Milliseconds),
                BenchResult.Absolute("order-save CPU per save", save.CpuMilliseconds, "ms", null),
            ];
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Delete(copy);
        }
    }

    private static void Delete(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(file + suffix);
    }
}
