using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Warehouse;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;
using static SmartOffice.Console.Tests.Warehouse.WarehouseTestData;

namespace SmartOffice.Console.Tests.Warehouse;

/// <summary>
/// 出荷実績の取込 on a real SQLite file and real folders: a good file is applied whole, once; a file with any bad row changes
/// nothing, is quarantined whole and names every bad row; the same file twice changes nothing the second time.
/// </summary>
public sealed class WarehouseResultsTests : IAsyncLifetime
{
    /// <summary>Thursday 26 Nov 2026, 10:00 Japan time; the orders came the day before.</summary>
    private static readonly DateTimeOffset Now = TestDatabase.JapanTime(2026, 11, 26, 10, 0);
    private static readonly DateTimeOffset Received = TestDatabase.JapanTime(2026, 11, 25, 10, 0);
    private readonly TestDatabase _database = new(Now);
    private Department _department = default!;
    private Order _order = default!;
    private int _shipment;

    static WarehouseResultsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
        _order = await _database.AddInstructedOrderAsync(_department, Received, (Pen, 10), (NoSaturday, 2));
        _shipment = _order.Shipments.Single().Id;
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<int> ImportAsync() => await _database.Import().ScanAsync(waitForStableFiles: false);

    private async Task<(List<ShipmentResult> Results, List<int> Shipped, ShipmentStatus Status, List<WarehouseResultsFile> Files)>
        StateAsync()
    {
        await using var db = _database.CreateDbContext();
        return (await db.ShipmentResults.AsNoTracking().OrderBy(r => r.Id).ToListAsync(),
            await db.OrderLines.Where(l => l.OrderId == _order.Id).OrderBy(l => l.LineNumber).Select(l => l.ShippedQuantity).ToListAsync(),
            await db.Shipments.Where(s => s.Id == _shipment).Select(s => s.Status).SingleAsync(),
            await db.WarehouseResultsFiles.AsNoTracking().OrderBy(f => f.Id).ToListAsync());
    }

    private string[] Folder(Func<WarehouseOptions, string> folder) =>
        Directory.Exists(folder(_database.Options())) ? Directory.GetFiles(folder(_database.Options()), "*", SearchOption.AllDirectories)
            : [];

    [Fact]
    public async Task A_good_file_is_applied_whole_each_row_its_own_part_and_the_file_archived()
    {
        _database.DropResults("R20261126_1.csv", [
            Row(_shipment, 1, 4, "2026/11/25", "N0001", "ヤマト運輸", "1111-2222-3333", "2026/11/27"),
            Row(_shipment, 1, 6, "2026/11/26", "N0002", "佐川急便", "4444-5555-6666"),
            Row(_shipment, 2, 2, "2026/11/25", "N0001", "ヤマト運輸", "1111-2222-3333"),
        ]);

        Assert.Equal(1, await ImportAsync());

        var (results, shipped, status, files) = await StateAsync();
        Assert.Equal([10, 2], shipped);
        Assert.Equal(ShipmentStatus.Shipped, status);
        Assert.Equal(WarehouseFileOutcome.Applied, Assert.Single(files).Outcome);
        // The carrier's date when the row has one, else the planned date.
        var planned = _order.Shipments.Single().DeliveryDate;
        Assert.Equal([("N0001", 4, (DateOnly?)new DateOnly(2026, 11, 27)), ("N0002", 6, planned), ("N0001", 2, planned)],
            results.Select(r => (r.DeliverySlipNumber, r.Quantity, r.DeliveryDate)));
        Assert.Equal(["ヤマト運輸", "佐川急便", "ヤマト運輸"], results.Select(r => r.Carrier));
        Assert.Empty(Folder(o => o.ResultsFolder));
        Assert.Single(Folder(o => o.ArchiveFolder));
    }

    [Fact]
    public async Task A_line_shipped_in_parts_over_two_files_stays_instructed_until_the_last_part()
    {
        _database.DropResults("R1.csv", [Row(_shipment, 1, 3, "2026/11/25"), Row(_shipment, 2, 2, "2026/11/25")]);
        await ImportAsync();
        var first = await StateAsync();
        Assert.Equal([3, 2], first.Shipped);
        Assert.Equal(ShipmentStatus.Instructed, first.Status);

        _database.DropResults("R2.csv", [Row(_shipment, 1, 7, "2026/11/26", "N0009", tracking: "9999")]);
        await ImportAsync();
        var (results, shipped, status, _) = await StateAsync();
        Assert.Equal([10, 2], shipped);
        Assert.Equal(ShipmentStatus.Shipped, status);
        Assert.Equal(3, results.Count);
    }

    public static TheoryData<string, string> BadRows => new()
    {
        { "{0},9,1,2026/11/25,N1,ヤマト運輸,1", "Warehouse.Row.UnknownLine" },
        { "999999,1,1,2026/11/25,N1,ヤマト運輸,1", "Warehouse.Row.UnknownLine" },
        { "{0},2,3,2026/11/25,N1,ヤマト運輸,1", "Warehouse.Row.OverShipped" },
        { "{0},2,1,2026/11/24,N1,ヤマト運輸,1", "Warehouse.Row.BeforeOrder" },
        { "{0},2,1,2026/11/27,N1,ヤマト運輸,1", "Warehouse.Row.ShippedInFuture" },
        { "{0},2,1O,2026/11/25,N1,ヤマト運輸,1", "Warehouse.Row.Number" },
        { "{0},2,-1,2026/11/25,N1,ヤマト運輸,1", "Warehouse.Row.Formula" },
        { "{0},2,=1+1,2026/11/25,N1,ヤマト運輸,1", "Warehouse.Row.Formula" },
        { "{0},2,1,=TODAY(),N1,ヤマト運輸,1", "Warehouse.Row.Formula" },
        { "{0},2,1,2026/11/25,@SUM(A1),ヤマト運輸,1", "Warehouse.Row.Formula" },
        { "{0},2,1,2026/11/25,N1,ヤマト運輸,+81312345678", "Warehouse.Row.Formula" },
        { "{0},2,1,2026/13/01,N1,ヤマト運輸,1", "Warehouse.Row.Date" },
        { "{0},2,1,2026/11/25,N1,ヤマト運輸,1,2026/11/31", "Warehouse.Row.Date" },
        { "{0},2,1,2026/11/25,N 1,ヤマト運輸,1", "Warehouse.Row.Code" },
        { "{0},2,1,2026/11/25,N1,,1", "Warehouse.Row.Text" },
        { "{0},2,1,2026/11/25,N1,ヤマト運輸", "Warehouse.Row.Columns" },
        { "{0},2,\"1,2026/11/25,N1,ヤマト運輸,1,", "Warehouse.Row.Quote" },
        { "{0},2,0,2026/11/25,N1,ヤマト運輸,1", "Warehouse.Row.ZeroQuantity" },
        { "{0},2,1,2026/11/25,N1,ヤマト運輸,1,2026/11/24", "Warehouse.Row.DeliveryBeforeShipped" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task A_file_with_one_bad_row_changes_nothing_and_is_quarantined_naming_the_row(string bad, string key)
    {
        var row = string.Format(bad, _shipment);
        if (row.Count(c => c == ',') == 6)
            row += ",";
        _database.DropResults("R_bad.csv", [Row(_shipment, 1, 10, "2026/11/25"), row]);

        Assert.Equal(1, await ImportAsync());

        var (results, shipped, status, files) = await StateAsync();
        Assert.Empty(results);
        Assert.Equal([0, 0], shipped);
        Assert.Equal(ShipmentStatus.Instructed, status);
        var file = Assert.Single(files);
        Assert.Equal(WarehouseFileOutcome.Quarantined, file.Outcome);
        Assert.Equal([(2, key)], WarehouseProblems.Problems(file.Problems).Select(p => (p.Row, p.Key)));
        Assert.Empty(Folder(o => o.ResultsFolder));
        Assert.Single(Folder(o => o.QuarantineFolder));
        Assert.Empty(Folder(o => o.ArchiveFolder));
    }

    [Fact]
    public async Task Every_bad_row_is_named_with_its_problem_in_the_readers_language()
    {
        var other = await _database.AddInstructedOrderAsync(_department, Received, (Pen, 1));
        await using (var db = _database.CreateDbContext())
            await db.Shipments.Where(s => s.OrderId == other.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ShipmentStatus.Open));
        _database.DropResults("R_many.csv", [
            Row(_shipment, 1, 6, "2026/11/25"), Row(_shipment, 1, 5, "2026/11/25"), Row(_shipment, 2, "２", "2026/11/25"),
            Row(other.Shipments.Single().Id, 1, 1, "2026/11/25"),
        ]);

        await ImportAsync();

        var problems = WarehouseProblems.Problems((await StateAsync()).Files.Single().Problems);
        Assert.Equal([(2, "Warehouse.Row.OverShipped"), (3, "Warehouse.Row.Number"), (4, "Warehouse.Row.NotInstructed")],
            problems.Select(p => (p.Row, p.Key)));
        Assert.Equal("出荷数 5 が多すぎます(注文 10、出荷済み 6、残り 4)。", problems[0].Text);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        Assert.Equal("Shipped quantity 5 is too many (ordered 10, shipped already 6, left 4).", problems[0].Text);
    }

    [Fact]
    public async Task The_same_file_imported_twice_changes_nothing_the_second_time()
    {
        var path = _database.DropResults("R_twice.csv", [Row(_shipment, 1, 4, "2026/11/25")]);
        var bytes = File.ReadAllBytes(path);
        await ImportAsync();
        var first = await StateAsync();

        // The same file again: a restart before its move, or the warehouse sending it twice.
        File.WriteAllBytes(path, bytes);
        Assert.Equal(0, await ImportAsync());

        var second = await StateAsync();
        Assert.Equal(first.Results.Select(r => r.Id), second.Results.Select(r => r.Id));
        Assert.Equal([4, 0], second.Shipped);
        Assert.Single(second.Files);
        Assert.Empty(Folder(o => o.ResultsFolder));
    }

    [Fact]
    public async Task Shift_JIS_is_read_by_its_bytes_and_free_text_is_stored_as_typed()
    {
        _database.DropResults("R_sjis.csv", [Row(_shipment, 1, 1, "2026/11/25", carrier: "\"=HYPERLINK(\"\"x\"\")　佐川急便\"")],
            Encoding.GetEncoding(932));

        await ImportAsync();

        var result = Assert.Single((await StateAsync()).Results);
        Assert.Equal("=HYPERLINK(\"x\")　佐川急便", result.Carrier);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("euc-jp")]
    public async Task A_file_in_another_encoding_is_refused_whole(string encoding)
    {
        _database.DropResults("R_enc.csv", [Row(_shipment, 1, 1, "2026/11/25")], Encoding.GetEncoding(encoding));

        await ImportAsync();

        var (results, _, _, files) = await StateAsync();
        Assert.Empty(results);
        var problem = Assert.Single(WarehouseProblems.Problems(files.Single().Problems));
        Assert.Contains(problem.Key, new[] { "Warehouse.File.Encoding", "Warehouse.File.Header" });
        Assert.Equal(0, problem.Row);
    }

    [Fact]
    public async Task A_truncated_file_is_refused_whole_naming_its_last_row()
    {
        var path = _database.DropResults("R_cut.csv", [Row(_shipment, 1, 4, "2026/11/25"), Row(_shipment, 2, 2, "2026/11/25")]);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^12]);

        await ImportAsync();

        var (results, _, _, files) = await StateAsync();
        Assert.Empty(results);
        Assert.Contains(WarehouseProblems.Problems(files.Single().Problems), p => (p.Row, p.Key) == (2, "Warehouse.Row.Truncated"));
    }

    [Fact]
    public async Task A_ten_megabyte_single_row_is_refused_without_flooding_the_alert()
    {
        _database.DropResults("R_huge.csv", [Row(_shipment, 1, 1, "2026/11/25", carrier: new string('あ', 10 * 1024 * 1024 / 3))]);

        await ImportAsync();

        var (results, _, _, files) = await StateAsync();
        Assert.Empty(results);
        var problem = Assert.Single(WarehouseProblems.Problems(files.Single().Problems));
        Assert.Equal((1, "Warehouse.Row.TooLong"), (problem.Row, problem.Key));
        Assert.True(files.Single().Problems!.Length < 200);
    }

    [Fact]
    public async Task A_file_without_the_header_or_rows_is_refused_whole()
    {
        var folder = _database.Options().ResultsFolder;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "A_noheader.csv"), Row(_shipment, 1, 1, "2026/11/25") + "\r\n", new UTF8Encoding(true));
        File.WriteAllText(Path.Combine(folder, "B_empty.csv"), Header + "\r\n", new UTF8Encoding(true));

        Assert.Equal(2, await ImportAsync());

        var files = (await StateAsync()).Files;
        Assert.Equal(["Warehouse.File.Header", "Warehouse.File.NoRows"],
            files.OrderBy(f => f.FileName).Select(f => WarehouseProblems.Problems(f.Problems).Single().Key));
    }
}
