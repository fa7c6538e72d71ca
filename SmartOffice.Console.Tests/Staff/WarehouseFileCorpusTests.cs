using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Warehouse;
using static SmartOffice.Console.Tests.Warehouse.WarehouseTestData;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>
/// The bad-input corpus for the warehouse's files — the results file (出荷実績) and the stock-receipt file (入荷実績): each bad
/// file dropped into its folder of a copy of the matrix database and scanned by a supervisor's "scan now" is quarantined whole
/// with its problem named, applies nothing (the only table that changes is the file record) and leaves no file in the folder.
/// </summary>
public sealed class WarehouseFileCorpusTests(MatrixDatabase data) : IClassFixture<MatrixDatabase>
{
    private const string Good = "1,1,1,2026/11/20,N1,ヤマト運輸,T1,";

    static WarehouseFileCorpusTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Utf8(string text) => Bytes(text, new UTF8Encoding(true));

    private static readonly (string Name, string Key, Func<byte[]> Content)[] Files =
    [
        ("UTF-16 with its BOM", "Warehouse.File.Encoding", () => Bytes($"{Header}\r\n{Good}\r\n", Encoding.Unicode)),
        ("EUC-JP", "Warehouse.File.Encoding|Warehouse.File.Header", () => Bytes($"{Header}\r\n{Good}\r\n", Encoding.GetEncoding("euc-jp"))),
        ("a PNG named .csv", "Warehouse.File.Encoding", () => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]),
        ("an empty file", "Warehouse.File.Header", () => []),
        ("truncated mid-row", "Warehouse.Row.Truncated", () => Utf8($"{Header}\r\n{Good}\r\n1,1,1,2026/1")),
        ("a 10 MB single row", "Warehouse.Row.TooLong",
            () => Utf8($"{Header}\r\n1,1,1,2026/11/20,N1,{new string('A', 10 * 1024 * 1024)},T1,\r\n")),
        ("a formula as quantity", "Warehouse.Row.Formula", () => Utf8($"{Header}\r\n1,1,=1+1,2026/11/20,N1,ヤマト運輸,T1,\r\n")),
        ("a formula as shipped date", "Warehouse.Row.Formula", () => Utf8($"{Header}\r\n1,1,1,=TODAY(),N1,ヤマト運輸,T1,\r\n")),
        ("a formula as slip number", "Warehouse.Row.Formula",
            () => Utf8($"{Header}\r\n1,1,1,2026/11/20,=HYPERLINK(\"\"http://x\"\"),ヤマト運輸,T1,\r\n")),
        ("a formula as shipment number", "Warehouse.Row.Formula", () => Utf8($"{Header}\r\n@SUM(1),1,1,2026/11/20,N1,ヤマト運輸,T1,\r\n")),
        ("a formula as tracking number", "Warehouse.Row.Formula", () => Utf8($"{Header}\r\n1,1,1,2026/11/20,N1,ヤマト運輸,-2+3,\r\n")),
        ("a formula as delivery date", "Warehouse.Row.Formula", () => Utf8($"{Header}\r\n1,1,1,2026/11/20,N1,ヤマト運輸,T1,+A1\r\n")),
        ("full-width digits", "Warehouse.Row.Number", () => Utf8($"{Header}\r\n１,1,1,2026/11/20,N1,ヤマト運輸,T1,\r\n")),
        ("a quantity of ten digits", "Warehouse.Row.Number", () => Utf8($"{Header}\r\n1,1,9999999999,2026/11/20,N1,ヤマト運輸,T1,\r\n")),
        ("SQL in a code", "Warehouse.Row.Code", () => Utf8($"{Header}\r\n1,1,1,2026/11/20,'; DROP TABLE Orders;--,ヤマト運輸,T1,\r\n")),
    ];

    private const string GoodStock = "A0000001,1,2026/11/20";

    /// <summary>The stock-receipt file (入荷実績, issue 20): the same intake, its own fields.</summary>
    private static readonly (string Name, string Key, Func<byte[]> Content)[] StockFiles =
    [
        ("UTF-16 with its BOM", "Warehouse.File.Encoding", () => Bytes($"{StockHeader}\r\n{GoodStock}\r\n", Encoding.Unicode)),
        ("a PNG named .csv", "Warehouse.File.Encoding", () => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]),
        ("an empty file", "Warehouse.File.Header", () => []),
        ("the results file's header", "Warehouse.File.Header", () => Utf8($"{Header}\r\n{GoodStock}\r\n")),
        ("truncated mid-row", "Warehouse.Row.Truncated", () => Utf8($"{StockHeader}\r\n{GoodStock}\r\nA0000001,1,2026/1")),
        ("a 10 MB single row", "Warehouse.Row.TooLong",
            () => Utf8($"{StockHeader}\r\nA0000001,{new string('9', 10 * 1024 * 1024)},2026/11/20\r\n")),
        ("a formula as product code", "Warehouse.Row.Formula",
            () => Utf8($"{StockHeader}\r\n=HYPERLINK(\"\"http://x\"\"),1,2026/11/20\r\n")),
        ("a formula as quantity", "Warehouse.Row.Formula", () => Utf8($"{StockHeader}\r\nA0000001,+1+1,2026/11/20\r\n")),
        ("a formula as received date", "Warehouse.Row.Formula", () => Utf8($"{StockHeader}\r\nA0000001,1,@TODAY()\r\n")),
        ("full-width digits", "Warehouse.Row.Number", () => Utf8($"{StockHeader}\r\nA0000001,１,2026/11/20\r\n")),
        ("a quantity of ten digits", "Warehouse.Row.Number", () => Utf8($"{StockHeader}\r\nA0000001,9999999999,2026/11/20\r\n")),
        ("SQL in a code", "Warehouse.Row.Code", () => Utf8($"{StockHeader}\r\n'; DROP TABLE Orders;--,1,2026/11/20\r\n")),
        ("an unknown product", "Warehouse.Stock.UnknownProduct", () => Utf8($"{StockHeader}\r\nZZ999999,1,2026/11/20\r\n")),
    ];

    public static TheoryData<string> Names => new(Files.Select(f => f.Name));

    public static TheoryData<string> StockNames => new(StockFiles.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public Task A_bad_results_file_is_quarantined_whole_naming_its_problem_and_applies_nothing(string name) =>
        QuarantinedAsync(Files.Single(f => f.Name == name), o => o.ResultsFolder,
            s => s.GetRequiredService<WarehouseService>().ScanNowAsync());

    [Theory]
    [MemberData(nameof(StockNames))]
    public Task A_bad_stock_receipt_file_is_quarantined_whole_naming_its_problem_and_applies_nothing(string name) =>
        QuarantinedAsync(StockFiles.Single(f => f.Name == name), o => o.StockFolder,
            s => s.GetRequiredService<StockService>().ScanNowAsync());

    private async Task QuarantinedAsync((string Name, string Key, Func<byte[]> Content) bad, Func<WarehouseOptions, string> folderOf,
        Func<IServiceProvider, Task<int>> scanNow)
    {
        var (_, key, content) = bad;
        await using var copy = data.Template.Copy();
        await using var services = MatrixDatabase.Services(copy, TestStaff.Supervisor);
        var folder = folderOf(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WarehouseOptions>>().Value);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "R_corpus.csv"), content());
        await using var scope = services.CreateAsyncScope();
        var warehouse = scope.ServiceProvider.GetRequiredService<WarehouseService>();

        Assert.Equal(1, await scanNow(scope.ServiceProvider));

        var file = Assert.Single((await warehouse.OverviewAsync()).Alerts);
        Assert.Contains(file.Problems, p => key.Split('|').Contains(p.Key));
        Assert.All(file.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Text) || p.Text == p.Key));
        Assert.Equal(["WarehouseResultsFiles"], (await DatabaseSnapshot.TakeAsync(copy)).ChangedSince(data.Snapshot));
        Assert.Empty(Directory.GetFiles(folder));
    }
}
