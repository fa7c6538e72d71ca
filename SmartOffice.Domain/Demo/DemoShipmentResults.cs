using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Warehouse;

namespace SmartOffice.Domain.Demo;

/// <summary>
/// The warehouse's results for the demo's past orders (docs/warehouse-files.md, "Demo"): every line of a delivered shipment
/// shipped in full on its acceptance day and delivered on its delivery date, under one results file record. Instructed
/// shipments get none: their results come from the warehouse (the simulated one in demo mode).
/// </summary>
internal sealed class DemoShipmentResults(DemoContext context)
{
    public const string FileName = "demo-history";
    private const int FileId = 1;
    private static readonly string[] Carriers = ["ヤマト運輸", "佐川急便", "日本郵便", "西濃運輸"];

    /// <summary>The demo's 納品書番号 of a shipment, as the orders phase gives it (the simulated warehouse uses it too).</summary>
    public static string SlipNumber(int shipmentId) => $"D{shipmentId:D9}";

    public static string Carrier(int shipmentId) => Carriers[shipmentId % Carriers.Length];

    public static string TrackingNumber(int shipmentId) => $"{shipmentId:D12}";

    private int _resultId;
    private bool _fileWritten;

    /// <summary>
    /// The results of the delivered shipments among <paramref name="shipments"/>, whose lines the orders phase made shipped
    /// in full.
    /// </summary>
    public List<ShipmentResult> For(IEnumerable<Shipment> shipments, IEnumerable<OrderLine> lines)
    {
        var delivered = shipments.Where(s => s.Status == ShipmentStatus.Delivered).ToDictionary(s => s.Id);
        var results = new List<ShipmentResult>();
        foreach (var line in lines)
        {
            if (!delivered.TryGetValue(line.ShipmentId, out var shipment))
                continue;
            results.Add(new ShipmentResult
            {
                Id = ++_resultId, ShipmentId = shipment.Id, OrderLineId = line.Id, WarehouseResultsFileId = FileId, RowNumber = _resultId,
                Quantity = line.Quantity, ShippedOn = shipment.AcceptanceDay, DeliverySlipNumber = shipment.DeliverySlipNumber!,
                Carrier = Carrier(shipment.Id), TrackingNumber = TrackingNumber(shipment.Id),
                DeliveryDate = shipment.DeliveryDate, DeliveredOn = shipment.DeliveryDate,
            });
        }
        return results;
    }

    /// <summary>Writes the results, the one file record they hang on before the first of them.</summary>
    public async Task WriteAsync(List<ShipmentResult> results, CancellationToken cancellationToken)
    {
        if (!_fileWritten)
        {
            await context.Writer.InsertAsync([new WarehouseResultsFile
            {
                Id = FileId, FileName = FileName, ContentHash = FileName, ImportedAt = context.Now, Outcome = WarehouseFileOutcome.Applied,
            }], cancellationToken);
            _fileWritten = true;
        }
        await context.Writer.InsertAsync(results, cancellationToken);
    }
}
