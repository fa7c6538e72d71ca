using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Warehouse;

/// <summary>
/// 入荷実績の取込 (docs/warehouse-files.md): a good file records one <see cref="StockReceipt"/> per row, raises the stock and
/// serves the waiting back orders, oldest first; the intake (once by name and hash, one transaction, quarantine whole) is
/// <see cref="WarehouseFileIntake{TRow,TPlan}"/>'s, as for the results file.
/// </summary>
public sealed class StockReceiptImport(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    IOptions<WarehouseOptions> options,
    IOptions<RulesOptions> rules,
    BusinessCalendarCache calendar,
    BusinessClock clock,
    TimeProvider time,
    ILogger<StockReceiptImport> log) : WarehouseFileIntake<StockReceiptRow, List<StockReceipt>>(contexts, options, clock, time, log)
{
    public override string Folder => Options.StockFolder;

    protected override WarehouseFileKind Kind => WarehouseFileKind.StockReceipts;

    protected override string Label => "stock receipt";

    private protected override (List<StockReceiptRow> Rows, List<WarehouseRowProblem> Problems, int RowCount) Read(byte[] content) =>
        StockReceiptFormat.Read(content);

    /// <summary>Every row against the catalogue: a known product, received no later than today.</summary>
    private protected override async Task<(List<StockReceipt> Plan, List<WarehouseRowProblem> Problems)> CheckAsync(SmartOfficeDbContext db,
        List<StockReceiptRow> rows, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.ProductCode).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code))
            .ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        var problems = new List<WarehouseRowProblem>();
        var receipts = new List<StockReceipt>();
        foreach (var row in rows)
        {
            if (!products.TryGetValue(row.ProductCode, out var productId))
                problems.Add(new(row.Row, "Warehouse.Stock.UnknownProduct", row.ProductCode));
            if (row.ReceivedOn > Clock.Today)
                problems.Add(new(row.Row, "Warehouse.Stock.ReceivedInFuture", WarehouseCsv.Day(row.ReceivedOn)));
            receipts.Add(new StockReceipt
            {
                ProductId = productId, ProductCode = row.ProductCode, Quantity = row.Quantity, ReceivedOn = row.ReceivedOn,
                    RowNumber = row.Row,
                RecordedAt = Time.GetUtcNow(),
            });
        }
        return (receipts, problems);
    }

    private protected override async Task<int> ApplyAsync(SmartOfficeDbContext db, WarehouseResultsFile record, List<StockReceipt> receipts,
        CancellationToken cancellationToken)
    {
        var serving = new BackOrderServing(rules.Value, await calendar.GetAsync(cancellationToken), Clock, Time, staff: null);
        foreach (var receipt in receipts)
        {
            receipt.WarehouseResultsFileId = record.Id;
            await StockReceiving.ReceiveAsync(db, serving, receipt, cancellationToken);
        }
        return receipts.Count;
    }
}
