using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using Xunit.Abstractions;

namespace SmartOffice.Console.Tests.Reporting;

/// <summary>
/// The built console (a process of its own) SIGKILLed while it streams a customer's purchase data as xlsx and as CSV
/// at once, each mid-file: after a restart on the same file every table is as before, nothing is left in its temp,
/// log or data folders but its logs and the database, and both downloads then complete and read back as the database.
/// </summary>
public sealed class KilledExportTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Agent = "export-desk", Password = "export-desk-pass-1";
    private const int Orders = 200, LinesPerOrder = 50;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    /// <summary>Each download's first read before the kill: the stream has begun.</summary>
    private const int ReadBeforeKill = 4 * 1024;

    private readonly TestDatabase _database = new(DateTimeOffset.UtcNow);
    private Department _department = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _department = await _database.AddCustomerAsync("D1", "40000001");
        var products = new List<Product>();
        for (var i = 0; i < 10; i++)
            products.Add(await _database.AddProductAsync($"E{i:D7}", $"再生紙コピー用紙 A4 {i}箱", "テスト製紙", eco: i % 2 == 0, price: 300 + i * 10,
                taxClass: i == 9 ? TaxClass.Reduced8 : TaxClass.Standard10));
        // The domain's bulk writer (as the demo data): explicit keys, one transaction, a fraction of a second.
        var now = _database.Clock.GetUtcNow();
        var orders = new List<Order>();
        var shipments = new List<Shipment>();
        var lines = new List<OrderLine>();
        for (var o = 1; o <= Orders; o++)
        {
            orders.Add(Order.Past($"F{o:D13}", _department.CustomerId, _department.Id, OrderChannel.Fax,
                now.AddMinutes(-30 * (Orders - o + 1)), _database.BusinessClock.Today, id: o));
            shipments.Add(Shipment.Past(default, _database.BusinessClock.Today, null, id: o, orderId: o));
            for (var l = 1; l <= LinesPerOrder; l++)
            {
                var product = products[(o + l) % products.Count];
                var quantity = l % 7 + 1;
                // Comments of their own: the file does not shrink to nothing in the zip.
                lines.Add(new OrderLine
                {
                    Id = lines.Count + 1, OrderId = o, LineNumber = l, ShipmentId = o, ProductId = product.Id, ProductCode = product.Code,
                        ProductName = product.Name,
                    Maker = product.Maker, IsEco = product.IsEco, CategoryId = product.CategoryId, Returnable = true,
                    Quantity = quantity, ListUnitPrice = product.UnitPrice, UnitPrice = product.UnitPrice,
                        Amount = product.UnitPrice * quantity,
                    TaxClass = product.TaxClass, LineComment = $"総務 {o}-{l} {Guid.NewGuid():N}",
                });
            }
        }
        await using (var writer = await BulkWriter.OpenAsync(_database, throughEf: false, CancellationToken.None))
        {
            await writer.InsertAsync(orders, CancellationToken.None);
            await writer.InsertAsync(shipments, CancellationToken.None);
            await writer.InsertAsync(lines, CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }
        await _database.AddStaffAsync(Agent, Password, StaffRoles.DeskAgent, "出力 中断");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_download_killed_mid_stream_changes_nothing_leaves_nothing_and_downloads_whole_after_a_restart()
    {
        var temp = Directory.CreateDirectory(Path.Combine(_database.Folder, "tmp")).FullName;
        var app = Start(temp);
        try
        {
            DatabaseSnapshot before;
            long[] cut;
            // A few tries, in case the console wrote a whole file into the sockets' buffers before the kill came.
            for (var attempt = 1; ; attempt++)
            {
                using (var client = await StaffHttp.ClientAsync(await app.ListeningAsync(Patience), Agent, Password))
                {
                    before = await DatabaseSnapshot.TakeAsync(_database);
                    // The xlsx first, the CSV (written faster) once the xlsx has begun; the kill once both have.
                    var bodies = new List<Stream>();
                    var started = new List<int>();
                    foreach (var format in Formats)
                    {
                        var download = await client.GetAsync(Url(format), HttpCompletionOption.ResponseHeadersRead);
                        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                        bodies.Add(await download.Content.ReadAsStreamAsync());
                        started.Add(await bodies[^1].ReadAsync(new byte[ReadBeforeKill]));
                        Assert.True(started[^1] > 0);
                    }

                    app.Kill();
                    var killedOutput = (await app.WaitAsync(Patience)).Output;
                    cut = await Task.WhenAll(bodies.Select((b, i) => RestAsync(b, started[i])));
                    app.Dispose();
                    // The restart on the same file.
                    app = Start(temp);
                    // The console logs each download it has written to its end: none was.
                    if (!killedOutput.Contains("Export purchases_", StringComparison.Ordinal))
                    {
                        output.WriteLine($"killed with both downloads mid-stream on attempt {attempt}");
                        break;
                    }
                }
                Assert.True(attempt < 3, "each time, a download was written whole before the kill");
            }

            var address = await app.ListeningAsync(Patience);
            Assert.Empty((await DatabaseSnapshot.TakeAsync(_database)).ChangedSince(before));
            Assert.Empty(Directory.EnumerateFileSystemEntries(temp));
            Assert.Equal(["logs", "test.db", "test.db-shm", "test.db-wal", "tmp"],
                Directory.EnumerateFileSystemEntries(_database.Folder).Select(Path.GetFileName).Order());
            Assert.All(Directory.EnumerateFileSystemEntries(Path.Combine(_database.Folder, "logs")),
                f => Assert.Matches(@"^console-\d{8}\.log$", Path.GetFileName(f)));

            using var again = await StaffHttp.ClientAsync(address, Agent, Password);
            var expected = await DatabaseRowsAsync();
            Assert.Equal(Orders * LinesPerOrder, expected.Count);
            var xlsx = await again.GetByteArrayAsync(Url(ExportFormat.Xlsx));
            var csv = await again.GetByteArrayAsync(Url(ExportFormat.CsvUtf8));
            output.WriteLine($"whole: xlsx {xlsx.Length} bytes, CSV {csv.Length} bytes; the killed downloads ended after {cut[0]} " +
                $"and {cut[1]}");
            Assert.True(cut[0] < xlsx.Length && cut[1] < csv.Length);
            Assert.Equal(expected, XlsxRows(xlsx));
            Assert.Equal(expected, CsvRows(csv));
        }
        finally
        {
            app.Dispose();
        }
    }

    private static readonly ExportFormat[] Formats = [ExportFormat.Xlsx, ExportFormat.CsvUtf8];

    /// <summary>The console with its temp folder (TMPDIR) of the test's; the runtime's own diagnostic sockets are
    /// switched off, so what is there is the app's.</summary>
    private ConsoleProcess Start(string temp) =>
        ConsoleProcess.StartServer(_database.Folder, _database.File, temp,
            new Dictionary<string, string> { ["DOTNET_EnableDiagnostics"] = "0" });

    private string Url(ExportFormat format) =>
        $"reports/purchases/download?customer={_department.CustomerId}&from={_database.BusinessClock.Today.AddMonths(-1):yyyy-MM-dd}&to" +
            $"={_database.BusinessClock.Today:yyyy-MM-dd}&format={format}";

    /// <summary>Reads what else arrives after the kill, until the connection dies. Returns the bytes read in all.</summary>
    private static async Task<long> RestAsync(Stream body, int first)
    {
        var total = (long)first;
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
                total += read;
        }
        catch (IOException)
        {
            // The response ended before its last chunk: what a browser reports as a failed download.
        }
        return total;
    }

    /// <summary>The customer's order lines as the export must show them, read straight from the tables.</summary>
    private async Task<List<string[]>> DatabaseRowsAsync()
    {
        await using var db = _database.CreateDbContext();
        var lines = await (from order in db.Orders
                           where order.CustomerId == _department.CustomerId && order.Status != OrderStatus.Voided
                           join department in db.Departments on order.DepartmentId equals department.Id
                           join line in db.OrderLines on order.Id equals line.OrderId
                           join product in db.Products on line.ProductId equals product.Id
                           select new
                           {
                               order.ReceivedAt, order.OrderNumber, Department = department.Name, line.LineNumber, line.ProductCode,
                                   line.ProductName,
                               product.Maker, line.Quantity, line.UnitPrice, line.Amount, line.TaxClass, product.IsEco, line.LineComment,
                           }).ToListAsync();
        return lines.OrderBy(l => l.ReceivedAt).ThenBy(l => l.OrderNumber).ThenBy(l => l.LineNumber).Select(l => new[]
        {
            DateOnly.FromDateTime(_database.BusinessClock.ToBusinessTime(l.ReceivedAt).DateTime)
                .ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
            l.OrderNumber, l.Department, l.ProductCode, l.ProductName, l.Maker, Number(l.Quantity), Number(l.UnitPrice), Number(l.Amount),
            PurchaseDataService.TaxClassText(l.TaxClass), l.IsEco ? "○" : "", l.LineComment ?? "",
        }).ToList();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The data rows of the sheet (dates back from serial numbers).</summary>
    private static List<string[]> XlsxRows(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Skip(1);
        return rows.Select(row =>
        {
            var cells = row.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray();
            cells[0] = DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(cells[0], CultureInfo.InvariantCulture)))
                .ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
            return cells;
        }).ToList();
    }

    /// <summary>The data rows of the UTF-8 file (these fields hold no comma or quote, so a split is the whole parser).</summary>
    private static List<string[]> CsvRows(byte[] file) =>
        Encoding.UTF8.GetString(file.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',').Select(f => f.Trim('"')).ToArray()).ToList();
}
