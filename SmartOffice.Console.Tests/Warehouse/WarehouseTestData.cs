using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Warehouse;

namespace SmartOffice.Console.Tests.Warehouse;

/// <summary>Orders keyed through the real FAX order service and instructed, results files written as the warehouse writes them.</summary>
public static class WarehouseTestData
{
    public const string Header = "出荷番号,行,出荷数,出荷日,納品書番号,運送会社,問い合わせ番号,お届け予定日";

    public const string StockHeader = "商品コード,入荷数,入荷日";

    public static WarehouseOptions Options(this TestDatabase database) => new()
    {
        ResultsFolder = Path.Combine(database.Folder, "warehouse", "results"),
        StockFolder = Path.Combine(database.Folder, "warehouse", "stock"),
        ArchiveFolder = Path.Combine(database.Folder, "warehouse", "archive"),
        QuarantineFolder = Path.Combine(database.Folder, "warehouse", "quarantine"),
    };

    public static WarehouseResultsImport Import(this TestDatabase database) =>
        new(database, Microsoft.Extensions.Options.Options.Create(database.Options()), database.BusinessClock, database.Clock,
            NullLogger<WarehouseResultsImport>.Instance);

    public static StockReceiptImport StockImport(this TestDatabase database) =>
        new(database, Microsoft.Extensions.Options.Options.Create(database.Options()), database.Rules, database.Calendar,
            database.BusinessClock,
            database.Clock, NullLogger<StockReceiptImport>.Instance);

    /// <summary>The stock page's service, for <paramref name="staff"/> (a supervisor unless told).</summary>
    public static StockService Stock(this TestDatabase database, Domain.Staff.ICurrentStaff? staff = null) =>
        new(database, staff ?? TestStaff.Supervisor, database.StockImport(),
            Microsoft.Extensions.Options.Options.Create(database.Options()),
            database.Rules, database.Calendar, database.BusinessClock, database.Clock);

    /// <summary>Writes a stock-receipt file into its drop folder: the header, the rows, CRLF line ends, UTF-8 with BOM
    /// unless told.</summary>
    public static string DropStock(this TestDatabase database, string name, IEnumerable<string> rows, Encoding? encoding = null) =>
        Drop(database.Options().StockFolder, name, StockHeader, rows, encoding);

    /// <summary>A FAX order saved by the service, its shipments then handed to the warehouse (出荷指示) as a closed batch does.</summary>
    public static async Task<Order> AddInstructedOrderAsync(this TestDatabase database, Department department, DateTimeOffset receivedAt,
        params (string Code, int Quantity)[] lines)
    {
        var draft = new FaxOrderDraft(department.CustomerId, department.Id, null, receivedAt, null,
            lines.Select(l => new FaxOrderDraftLine(l.Code, l.Quantity.ToString(), null)).ToList());
        var saved = await database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(draft, Guid.NewGuid()));
        await using var db = database.CreateDbContext();
        await db.Shipments.Where(s => s.OrderId == saved.OrderId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ShipmentStatus.Instructed));
        return await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Shipments).AsSplitQuery()
            .SingleAsync(o => o.Id == saved.OrderId);
    }

    /// <summary>Writes a results file into the drop folder: the header, the rows, CRLF line ends, UTF-8 with BOM unless told.</summary>
    public static string DropResults(this TestDatabase database, string name, IEnumerable<string> rows, Encoding? encoding = null) =>
        Drop(database.Options().ResultsFolder, name, Header, rows, encoding);

    private static string Drop(string folder, string name, string header, IEnumerable<string> rows, Encoding? encoding)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        var text = string.Concat(new[] { header }.Concat(rows).Select(r => r + "\r\n"));
        File.WriteAllBytes(path, Bytes(text, encoding ?? new UTF8Encoding(true)));
        return path;
    }

    public static byte[] Bytes(string text, Encoding encoding) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

    /// <summary>One row: shipment, line, quantity, shipped date, slip, carrier, tracking number, carrier's delivery date.</summary>
    public static string Row(int shipment, int line, object quantity, string shipped, string slip = "N0001", string carrier = "ヤマト運輸",
        string tracking = "1234-5678-9012", string delivery = "") =>
            $"{shipment},{line},{quantity},{shipped},{slip},{carrier},{tracking},{delivery}";
}
