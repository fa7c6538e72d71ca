namespace SmartOffice.Domain.Warehouse;

/// <summary>A well-formed data row of a stock-receipt file, before it is checked against the catalogue.</summary>
public sealed record StockReceiptRow(int Row, string ProductCode, int Quantity, DateOnly ReceivedOn);

/// <summary>
/// 入荷実績ファイル as docs/warehouse-files.md describes it (<see cref="WarehouseCsv"/>): the header row, then one row per
/// product received — product code, quantity, date. Reads every row and names every problem; nothing here touches the database.
/// </summary>
internal static class StockReceiptFormat
{
    public static readonly string[] Header = ["商品コード", "入荷数", "入荷日"];

    /// <summary>商品コード as the catalogue stores them: at most 20 characters.</summary>
    private const int CodeLength = 20;

    public static (List<StockReceiptRow> Rows, List<WarehouseRowProblem> Problems, int RowCount) Read(byte[] content) =>
        WarehouseCsv.Read(content, Header, ParseRow);

    private static StockReceiptRow? ParseRow(int row, List<string> fields, List<WarehouseRowProblem> problems)
    {
        var before = problems.Count;
        var code = WarehouseCsv.Code(row, fields[0], Header[0], CodeLength, problems);
        var quantity = WarehouseCsv.Number(row, fields[1], Header[1], problems);
        var received = WarehouseCsv.Date(row, fields[2], Header[2], problems);
        if (quantity == 0)
            problems.Add(new(row, "Warehouse.Stock.ZeroQuantity"));
        return problems.Count > before ? null : new StockReceiptRow(row, code!, quantity!.Value, received!.Value);
    }
}
