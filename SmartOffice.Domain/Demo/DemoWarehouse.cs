using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Warehouse;

namespace SmartOffice.Domain.Demo;

/// <summary>
/// 模擬倉庫, demo mode only (docs/warehouse-files.md, "Demo"): answers each shipping instruction file with a results file in
/// the results folder <c>Warehouse:DemoAnswerDelay</c> after the instruction was written, every line shipped in full, so a
/// demo order lives its whole life. The demo's instructed shipments, which no file instructed, are answered at once in one
/// file. The console imports what it writes as it imports the real warehouse's. Now and then it also sends stock receipts
/// (<see cref="ReceiveStockDueAsync"/>), so that back orders are served in the demo.
/// </summary>
public sealed class DemoWarehouse(IDbContextFactory<SmartOfficeDbContext> contexts, IOptions<WarehouseOptions> options, BusinessClock clock)
{
    /// <summary>Results files it writes are named so, after the instruction they answer (or <c>history</c>).</summary>
    public const string FilePrefix = "demo-warehouse_";

    /// <summary>Writes a results file for each instruction that is due and not answered yet; returns how many it wrote.</summary>
    public async Task<int> AnswerDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var writtenBy = clock.Now - settings.DemoAnswerDelay;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lines = await (
            from line in db.OrderLines
            where line.Shipment!.Status == ShipmentStatus.Instructed && line.ShippedQuantity < line.Quantity
            from batch in db.CutoffBatches.Where(b => b.Id == line.Shipment!.CutoffBatchId).DefaultIfEmpty()
            where batch == null || (batch.InstructionFile != null && batch.InstructionWrittenAt <= writtenBy)
            orderby line.ShipmentId, line.LineNumber
            select new
            {
                line.ShipmentId, line.LineNumber, Quantity = line.Quantity - line.ShippedQuantity, line.Shipment!.AcceptanceDay,
                line.Shipment.DeliveryDate, Instruction = batch == null ? null : batch.InstructionFile,
                WrittenAt = batch == null ? null : batch.InstructionWrittenAt,
            }).AsNoTracking().ToListAsync(cancellationToken);

        var written = 0;
        foreach (var file in lines.GroupBy(l => l.Instruction))
        {
            var name = FilePrefix + (file.Key is { } instruction ? Path.GetFileNameWithoutExtension(instruction) : "history") + ".csv";
            // Once per instruction: waiting in the folder, or imported (a refused answer is not sent again).
            if (File.Exists(Path.Combine(settings.ResultsFolder, name))
                || await db.WarehouseResultsFiles.AnyAsync(f => f.FileName == name, cancellationToken))
                continue;
            var text = new StringBuilder(string.Join(',', WarehouseResultsFormat.Header)).Append("\r\n");
            foreach (var line in file)
            {
                // Shipped when the answer is due (history: on its acceptance day), never after today.
                var shippedOn = line.WrittenAt is { } at
                    ? DateOnly.FromDateTime(clock.ToBusinessTime(at + settings.DemoAnswerDelay).DateTime) : line.AcceptanceDay;
                // The carrier's date only where the planned one cannot serve: a special order has none, a late answer passed it.
                DateOnly? carrierDate = line.DeliveryDate is { } planned && planned >= shippedOn ? null : shippedOn.AddDays(DaysOnTheWay);
                text.Append(string.Join(',', line.ShipmentId, line.LineNumber, line.Quantity, WarehouseCsv.Day(shippedOn),
                        DemoShipmentResults.SlipNumber(line.ShipmentId), DemoShipmentResults.Carrier(line.ShipmentId),
                        DemoShipmentResults.TrackingNumber(line.ShipmentId), carrierDate is { } day ? WarehouseCsv.Day(day) : ""))
                    .Append("\r\n");
            }
            await WriteAsync(settings.ResultsFolder, name, text.ToString(), cancellationToken);
            written++;
        }
        return written;
    }

    /// <summary>Stock-receipt files it writes are named so, after the minute they were written.</summary>
    public const string StockFilePrefix = "demo-stock_";

    /// <summary>
    /// Now and then, stock arrives: once a back order has waited <c>Warehouse:DemoStockDelay</c> since its FAX came, a stock-receipt
    /// file brings what every such product's waiting lines need, so the demo's back orders are served and ship in the next batch.
    /// One file at a time: none is written while an earlier one still waits in the folder. Returns whether it wrote one.
    /// </summary>
    public async Task<bool> ReceiveStockDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (Directory.Exists(settings.StockFolder)
            && Directory.EnumerateFiles(settings.StockFolder, StockFilePrefix + "*").Any())
            return false;
        var waitedSince = clock.Now - settings.DemoStockDelay;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await (
            from line in db.OrderLines
            where line.BackOrder == BackOrderState.Waiting && line.Shipment!.Status == ShipmentStatus.BackOrdered
            join order in db.Orders on line.OrderId equals order.Id
            where order.ReceivedAt <= waitedSince
            group line by line.ProductCode into product
            orderby product.Key
            select new { Code = product.Key, Quantity = product.Sum(l => l.Quantity) }).AsNoTracking().ToListAsync(cancellationToken);
        if (due.Count == 0)
            return false;
        var today = WarehouseCsv.Day(clock.Today);
        var text = new StringBuilder(string.Join(',', StockReceiptFormat.Header)).Append("\r\n");
        foreach (var product in due)
            text.Append(string.Join(',', product.Code, product.Quantity, today)).Append("\r\n");
        var name = string.Create(CultureInfo.InvariantCulture, $"{StockFilePrefix}{clock.Now:yyyyMMddHHmmss}.csv");
        await WriteAsync(settings.StockFolder, name, text.ToString(), cancellationToken);
        return true;
    }

    /// <summary>The simulated carrier's days on the way when it gives its own date.</summary>
    private const int DaysOnTheWay = 2;

    /// <summary>Under a temporary name, then renamed, as a real warehouse must (the import leaves <c>.tmp</c> files alone).</summary>
    private static async Task WriteAsync(string folder, string name, string text, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, name + ".tmp");
        await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), cancellationToken);
        File.Move(temporary, Path.Combine(folder, name), overwrite: true);
    }
}
