using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Warehouse;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;
using static SmartOffice.Console.Tests.Warehouse.WarehouseTestData;

namespace SmartOffice.Console.Tests.Warehouse;

/// <summary>
/// 入荷実績の取込 on a real SQLite file and real folders, through the intake the results file uses: a good file raises the stock
/// and serves the back orders, once; a file with any bad row changes nothing, is quarantined whole and names every bad row;
/// the same file twice changes nothing the second time. A receipt keyed on the stock page is checked as strictly.
/// </summary>
public sealed class StockReceiptTests : IAsyncLifetime
{
    /// <summary>Thursday 26 Nov 2026, 10:00 Japan time.</summary>
    private static readonly DateTimeOffset Now = TestDatabase.JapanTime(2026, 11, 26, 10, 0);
    private readonly TestDatabase _database = new(Now);
    private Department _department = default!;
    private int _backOrder;

    static StockReceiptTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
        var draft = new FaxOrderDraft(_department.CustomerId, _department.Id, null, Now.AddHours(-1), null, [Line(Scarce, "8")]);
        _backOrder = (await _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(draft, Guid.NewGuid()))).OrderId!.Value;
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<int> ImportAsync() => await _database.StockImport().ScanAsync(waitForStableFiles: false);

    private async Task<(int Pen, int Scarce, List<StockReceipt> Receipts, List<WarehouseResultsFile> Files, BackOrderState BackOrder)>
        StateAsync()
    {
        await using var db = _database.CreateDbContext();
        return (await _database.StockOfAsync(Pen), await _database.StockOfAsync(Scarce),
            await db.StockReceipts.AsNoTracking().OrderBy(r => r.Id).ToListAsync(),
            await db.WarehouseResultsFiles.AsNoTracking().OrderBy(f => f.Id).ToListAsync(),
            await db.OrderLines.Where(l => l.OrderId == _backOrder).OrderBy(l => l.LineNumber).Select(l => l.BackOrder).FirstAsync());
    }

    private string[] Folder(Func<WarehouseOptions, string> folder) =>
        Directory.Exists(folder(_database.Options())) ? Directory.GetFiles(folder(_database.Options()), "*", SearchOption.AllDirectories)
            : [];

    [Fact]
    public async Task A_good_file_raises_the_stock_serves_the_back_orders_and_is_archived()
    {
        _database.DropStock("S20261126_1.csv", ["A0000001,20,2026/11/26", "a0000002,5,2026/11/25"]);

        Assert.Equal(1, await ImportAsync());

        var (pen, scarce, receipts, files, backOrder) = await StateAsync();
        // 5 in stock + 5 received: the back order of 8 served, 2 left.
        Assert.Equal((120, 2, BackOrderState.None), (pen, scarce, backOrder));
        var file = Assert.Single(files);
        Assert.Equal((WarehouseFileOutcome.Applied, WarehouseFileKind.StockReceipts, 2), (file.Outcome, file.Kind, file.RowCount));
        Assert.Equal([(Pen, 20, 0, 1), (Scarce, 5, 8, 2)],
            receipts.Select(r => (r.ProductCode, r.Quantity, r.ServedQuantity, r.RowNumber!.Value)));
        Assert.All(receipts, r => Assert.Equal(file.Id, r.WarehouseResultsFileId));
        Assert.Empty(Folder(o => o.StockFolder));
        Assert.Single(Folder(o => o.ArchiveFolder));
    }

    [Fact]
    public async Task A_file_with_bad_rows_changes_nothing_is_quarantined_and_names_every_bad_row()
    {
        _database.DropStock("S_bad.csv", [
            "A0000001,20,2026/11/26",
            "Z9999999,5,2026/11/26",
            "A0000001,5,2026/11/27",
            "A0000001,0,2026/11/26",
            "A0000001,=1+1,2026/11/26",
            "=HYPERLINK(\"x\"),5,2026/11/26",
            "A0000001,5,2026/13/01",
            "A0000001,五,2026/11/26",
            "A0000001,5",
        ]);

        Assert.Equal(1, await ImportAsync());

        var (pen, scarce, receipts, files, backOrder) = await StateAsync();
        Assert.Equal((100, 5, BackOrderState.Waiting), (pen, scarce, backOrder));
        Assert.Empty(receipts);
        var file = Assert.Single(files);
        Assert.Equal(WarehouseFileOutcome.Quarantined, file.Outcome);
        Assert.Equal([
            (2, "Warehouse.Stock.UnknownProduct"), (3, "Warehouse.Stock.ReceivedInFuture"), (4, "Warehouse.Stock.ZeroQuantity"),
            (5, "Warehouse.Row.Formula"), (6, "Warehouse.Row.Formula"), (7, "Warehouse.Row.Date"), (8, "Warehouse.Row.Number"),
            (9, "Warehouse.Row.Columns"),
        ], WarehouseProblems.Problems(file.Problems).Select(p => (p.Row, p.Key)));
        Assert.Single(Folder(o => o.QuarantineFolder));
        Assert.Empty(Folder(o => o.ArchiveFolder));
    }

    [Fact]
    public async Task The_same_file_twice_changes_nothing_the_second_time()
    {
        var rows = new[] { "A0000002,5,2026/11/26" };
        _database.DropStock("S_twice.csv", rows);
        Assert.Equal(1, await ImportAsync());
        var first = await StateAsync();

        _database.DropStock("S_twice.csv", rows);
        Assert.Equal(0, await ImportAsync());

        var second = await StateAsync();
        Assert.Equal((first.Scarce, first.Receipts.Count, first.Files.Count), (second.Scarce, second.Receipts.Count, second.Files.Count));
        Assert.Empty(Folder(o => o.StockFolder));
    }

    [Fact]
    public async Task Shift_JIS_is_read_by_its_bytes_and_an_unreadable_or_wrongly_headed_file_is_refused_whole()
    {
        _database.DropStock("S_sjis.csv", ["A0000001,3,2026/11/26"], Encoding.GetEncoding(932));
        File.WriteAllBytes(Path.Combine(_database.Options().StockFolder, "S_utf16.csv"),
            Bytes(StockHeader + "\r\nA0000001,3,2026/11/26\r\n", Encoding.Unicode));
        File.WriteAllText(Path.Combine(_database.Options().StockFolder, "S_header.csv"), "品番,数,日\r\nA0000001,3,2026/11/26\r\n");
        File.WriteAllText(Path.Combine(_database.Options().StockFolder, "S_truncated.csv"), StockHeader + "\r\nA0000001,3,2026/11/2");
        File.WriteAllText(Path.Combine(_database.Options().StockFolder, "S_long.csv"),
            StockHeader + "\r\nA0000001," + new string('9', 10 * 1024 * 1024) + ",2026/11/26\r\n");

        Assert.Equal(5, await ImportAsync());

        var (pen, _, _, files, _) = await StateAsync();
        Assert.Equal(103, pen);
        Assert.Equal([
            ("S_header.csv", "Warehouse.File.Header"), ("S_long.csv", "Warehouse.Row.TooLong"),
                ("S_truncated.csv", "Warehouse.Row.Truncated"),
            ("S_utf16.csv", "Warehouse.File.Encoding"),
        ], files.Where(f => f.Outcome == WarehouseFileOutcome.Quarantined).OrderBy(f => f.FileName, StringComparer.Ordinal)
            .Select(f => (f.FileName, WarehouseProblems.Problems(f.Problems).First().Key)));
    }

    [Theory]
    [InlineData("", "5", "2026/11/26", "Warehouse.Stock.CodeMissing")]
    [InlineData("Z9999999", "5", "2026/11/26", "Warehouse.Stock.UnknownProduct")]
    [InlineData(Scarce, "", "2026/11/26", "Warehouse.Stock.QuantityMissing")]
    [InlineData(Scarce, "=1+1", "2026/11/26", "Warehouse.Stock.QuantityNotNumber")]
    [InlineData(Scarce, "-3", "2026/11/26", "Warehouse.Stock.QuantityNotNumber")]
    [InlineData(Scarce, "0", "2026/11/26", "Warehouse.Stock.QuantityRange")]
    [InlineData(Scarce, "1000000", "2026/11/26", "Warehouse.Stock.QuantityRange")]
    [InlineData(Scarce, "5", "", "Warehouse.Stock.DateMissing")]
    [InlineData(Scarce, "5", "明日", "Warehouse.Stock.DateNotValid")]
    [InlineData(Scarce, "5", "2026/11/27", "Warehouse.Stock.ReceivedInFuture")]
    public async Task A_keyed_receipt_with_bad_input_is_refused_and_saves_nothing(string code, string quantity, string date, string key)
    {
        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            _database.Stock().RecordReceiptAsync(new StockReceiptEntry(code, quantity, date)));

        Assert.Equal(key, refused.Key);
        var (_, scarce, receipts, _, backOrder) = await StateAsync();
        Assert.Equal((5, 0, BackOrderState.Waiting), (scarce, receipts.Count, backOrder));
    }

    [Fact]
    public async Task A_keyed_receipt_in_full_width_digits_serves_the_back_order_and_is_audited()
    {
        var done = await _database.Stock().RecordReceiptAsync(new StockReceiptEntry("ａ００００００２", "１０", "２０２６/１１/２６"));

        Assert.Equal((Scarce, 7, 8), (done.ProductCode, done.StockOnHand, done.ServedQuantity));
        var overview = await _database.Stock().OverviewAsync();
        Assert.Empty(overview.Waiting);
        Assert.Equal([(Scarce, 10, 8, (string?)null)],
            overview.Receipts.Select(r => (r.ProductCode, r.Quantity, r.ServedQuantity, r.FileName)));
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Warehouse.StockReceiptKeyed"));
    }
}
