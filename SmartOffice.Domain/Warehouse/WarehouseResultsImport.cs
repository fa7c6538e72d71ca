using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Warehouse;

/// <summary>
/// 出荷実績の取込 (docs/warehouse-files.md): a good file adds one <see cref="ShipmentResult"/> per row, the lines' shipped
/// quantities and the shipments that are now shipped in full; the intake itself is <see cref="WarehouseFileIntake{TRow,TPlan}"/>'s.
/// </summary>
public sealed class WarehouseResultsImport(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    IOptions<WarehouseOptions> options,
    BusinessClock clock,
    TimeProvider time,
    ILogger<WarehouseResultsImport> log)
        : WarehouseFileIntake<WarehouseResultRow, List<ShipmentResult>>(contexts, options, clock, time, log)
{
    public override string Folder => Options.ResultsFolder;

    protected override WarehouseFileKind Kind => WarehouseFileKind.Results;

    protected override string Label => "results";

    private protected override (List<WarehouseResultRow> Rows, List<WarehouseRowProblem> Problems, int RowCount) Read(byte[] content) =>
        WarehouseResultsFormat.Read(content);

    /// <summary>Every row against the orders: a known instructed line, no more than ordered minus shipped, no date
    /// before the order or after today.</summary>
    private protected override async Task<(List<ShipmentResult> Plan, List<WarehouseRowProblem> Problems)> CheckAsync(
        SmartOfficeDbContext db, List<WarehouseResultRow> rows,
        CancellationToken cancellationToken)
    {
        var shipmentIds = rows.Select(r => r.ShipmentId).Distinct().ToList();
        var shipments = await db.Shipments.AsNoTracking().Where(s => shipmentIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Status, s.DeliveryDate, s.Order!.ReceivedAt }).ToDictionaryAsync(s => s.Id, cancellationToken);
        var lines = await db.OrderLines.AsNoTracking().Where(l => shipmentIds.Contains(l.ShipmentId))
            .Select(l => new { l.Id, l.ShipmentId, l.LineNumber, l.Quantity, l.ShippedQuantity })
                .ToDictionaryAsync(l => (l.ShipmentId, l.LineNumber), cancellationToken);
        var problems = new List<WarehouseRowProblem>();
        var results = new List<ShipmentResult>();
        var shippedInFile = new Dictionary<int, int>();
        foreach (var row in rows)
        {
            if (!shipments.TryGetValue(row.ShipmentId, out var shipment)
                || !lines.TryGetValue((row.ShipmentId, row.LineNumber), out var line))
            {
                problems.Add(new(row.Row, "Warehouse.Row.UnknownLine", row.ShipmentId, row.LineNumber));
                continue;
            }
            if (shipment.Status is ShipmentStatus.Open or ShipmentStatus.Voided)
            {
                problems.Add(new(row.Row, "Warehouse.Row.NotInstructed", row.ShipmentId));
                continue;
            }
            var before = shippedInFile.GetValueOrDefault(line.Id);
            var left = line.Quantity - line.ShippedQuantity - before;
            if (row.Quantity > left)
                problems.Add(new(row.Row, "Warehouse.Row.OverShipped", row.Quantity, line.Quantity, line.ShippedQuantity + before,
                    Math.Max(0, left)));
            shippedInFile[line.Id] = before + row.Quantity;
            var ordered = DateOnly.FromDateTime(Clock.ToBusinessTime(shipment.ReceivedAt).DateTime);
            if (row.ShippedOn < ordered)
                problems.Add(new(row.Row, "Warehouse.Row.BeforeOrder", WarehouseCsv.Day(row.ShippedOn), WarehouseCsv.Day(ordered)));
            if (row.ShippedOn > Clock.Today)
                problems.Add(new(row.Row, "Warehouse.Row.ShippedInFuture", WarehouseCsv.Day(row.ShippedOn)));
            results.Add(new ShipmentResult
            {
                ShipmentId = row.ShipmentId, OrderLineId = line.Id, RowNumber = row.Row, Quantity = row.Quantity, ShippedOn = row.ShippedOn,
                DeliverySlipNumber = row.DeliverySlipNumber, Carrier = row.Carrier, TrackingNumber = row.TrackingNumber,
                CarrierDeliveryDate = row.CarrierDeliveryDate, DeliveryDate = row.CarrierDeliveryDate ?? shipment.DeliveryDate,
            });
        }
        return (results, problems);
    }

    /// <summary>
    /// The rows and what they change. Each line's shipped quantity grows in one guarded UPDATE that never passes the ordered
    /// quantity, so two imports racing over one line cannot both pass the check: the second fails whole and is tried again.
    /// </summary>
    private protected override async Task<int> ApplyAsync(SmartOfficeDbContext db, WarehouseResultsFile record,
        List<ShipmentResult> results,
        CancellationToken cancellationToken)
    {
        foreach (var result in results)
            result.WarehouseResultsFileId = record.Id;
        db.ShipmentResults.AddRange(results);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (lineId, quantity) in results.GroupBy(r => r.OrderLineId).Select(g => (g.Key, g.Sum(r => r.Quantity))))
        {
            var updated = await db.OrderLines.Where(l => l.Id == lineId && l.ShippedQuantity + quantity <= l.Quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ShippedQuantity, l => l.ShippedQuantity + quantity), cancellationToken);
            if (updated == 0)
                throw new DbUpdateConcurrencyException($"Order line {lineId} was shipped meanwhile.");
        }
        var shipmentIds = results.Select(r => r.ShipmentId).Distinct().ToList();
        // 出荷済 once every line of the shipment has shipped in full.
        await db.Shipments.Where(s => shipmentIds.Contains(s.Id) && s.Status == ShipmentStatus.Instructed
                                      && db.OrderLines.Where(l => l.ShipmentId == s.Id).All(l => l.ShippedQuantity >= l.Quantity))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ShipmentStatus.Shipped).SetProperty(x => x.Version, x => x.Version + 1),
                cancellationToken);
        return results.Count;
    }
}
