namespace SmartOffice.Domain.Warehouse;

/// <summary>One problem of a results file: the data row (0 = the file itself), a message key and its arguments.</summary>
public sealed record WarehouseRowProblem(int Row, string Key, params object?[] Args)
{
    public string Text => DomainText.Format(Key, Args);
}

/// <summary>A well-formed data row of a results file, before it is checked against the orders.</summary>
public sealed record WarehouseResultRow(int Row, int ShipmentId, int LineNumber, int Quantity, DateOnly ShippedOn,
    string DeliverySlipNumber,
    string Carrier, string TrackingNumber, DateOnly? CarrierDeliveryDate);

/// <summary>
/// 出荷実績ファイル as docs/warehouse-files.md describes it (<see cref="WarehouseCsv"/>): the header row, then one row per
/// shipped part. Reads every row and names every problem; nothing here touches the database.
/// </summary>
internal static class WarehouseResultsFormat
{
    public static readonly string[] Header = ["出荷番号", "行", "出荷数", "出荷日", "納品書番号", "運送会社", "問い合わせ番号", "お届け予定日"];

    private const int SlipLength = 20;
    private const int TrackingLength = 30;
    private const int CarrierLength = 60;

    public static (List<WarehouseResultRow> Rows, List<WarehouseRowProblem> Problems, int RowCount) Read(byte[] content) =>
        WarehouseCsv.Read(content, Header, ParseRow);

    private static WarehouseResultRow? ParseRow(int row, List<string> fields, List<WarehouseRowProblem> problems)
    {
        var before = problems.Count;
        var shipment = WarehouseCsv.Number(row, fields[0], Header[0], problems);
        var lineNumber = WarehouseCsv.Number(row, fields[1], Header[1], problems);
        var quantity = WarehouseCsv.Number(row, fields[2], Header[2], problems);
        var shipped = WarehouseCsv.Date(row, fields[3], Header[3], problems);
        var slip = WarehouseCsv.Code(row, fields[4], Header[4], SlipLength, problems);
        var carrier = fields[5];
        if (carrier.Trim().Length == 0 || carrier.Length > CarrierLength)
            problems.Add(new(row, "Warehouse.Row.Text", Header[5], CarrierLength));
        var tracking = WarehouseCsv.Code(row, fields[6], Header[6], TrackingLength, problems);
        var delivery = fields[7].Trim().Length == 0 ? null : WarehouseCsv.Date(row, fields[7], Header[7], problems);
        if (quantity == 0)
            problems.Add(new(row, "Warehouse.Row.ZeroQuantity"));
        if (shipped is { } s && delivery is { } d && d < s)
            problems.Add(new(row, "Warehouse.Row.DeliveryBeforeShipped", WarehouseCsv.Day(d), WarehouseCsv.Day(s)));
        return problems.Count > before
            ? null
            : new WarehouseResultRow(row, shipment!.Value, lineNumber!.Value, quantity!.Value, shipped!.Value, slip!, carrier, tracking!,
                delivery);
    }
}
