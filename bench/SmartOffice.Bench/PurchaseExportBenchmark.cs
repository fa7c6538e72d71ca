using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;

namespace SmartOffice.Bench;

/// <summary>
/// <c>purchase-export</c>: the biggest customer's purchase lines of the past 15 months (≥ 200,000 in the <c>large</c> data),
/// planned first as the page does (checked and counted), then — timed — read from the database and written by <see
/// cref="PurchaseDataService.WriteAsync"/> as streaming xlsx, CSV Shift_JIS and
/// CSV UTF-8, against ClosedXML building the same rows in memory (the baseline). Each variant runs in a child process of
/// its own, so its peak working set is its own (the runtime and the EF model included, the same for every variant). A
/// streaming variant downloads twice: the first after start pays the JIT and the query's compilation (reported, and the
/// one compared with ClosedXML's single run); the second is a download of a running console, which the targets apply to.
/// Targets, database read included: xlsx &lt; 4 s and &lt; 250 MB peak; CSV &lt; 1.5 s.
/// </summary>
internal sealed class PurchaseExportBenchmark : IBenchmark
{
    /// <summary>The hidden first argument that makes the runner a child measuring one variant.</summary>
    public const string ChildCommand = "purchase-export-variant";

    private const double XlsxTargetSeconds = 4;
    private const double XlsxTargetMegabytes = 250;
    private const double CsvTargetSeconds = 1.5;
    private static readonly string[] Variants = ["xlsx-stream", "xlsx-closedxml", "csv-sjis", "csv-utf8"];

    public async Task<IReadOnlyList<BenchResult>> RunAsync(IServiceProvider? services, int runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var data = services.GetRequiredService<BenchData>();
        var measured = new Dictionary<string, Child>();
        foreach (var variant in Variants)
        {
            var last = await ChildRun.LastLineAsync(ChildCommand, variant, data.File, 6, cancellationToken);
            measured[variant] = new Child(double.Parse(last[0], CultureInfo.InvariantCulture),
                long.Parse(last[1], CultureInfo.InvariantCulture),
                long.Parse(last[2], CultureInfo.InvariantCulture), int.Parse(last[3], CultureInfo.InvariantCulture),
                double.Parse(last[4], CultureInfo.InvariantCulture), double.Parse(last[5], CultureInfo.InvariantCulture));
        }

        foreach (var (variant, m) in measured)
            global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {variant,-15} first {m.FirstSeconds,6:F2} s, then {m.Seconds,6:F2} s (CPU {m.CpuSeconds,6:F2} s)  " +
                    $"peak {m.PeakMegabytes,7:F0} MB  file {m.FileBytes / 1048576.0,6:F1} MB  {m.Lines:N0} " +
                    $"lines  {m.Lines / m.Seconds,10:N0} lines/s"));
        var stream = measured["xlsx-stream"];
        var closed = measured["xlsx-closedxml"];
        const string closedXml = "ClosedXML 0.95.4 in memory";
        return
        [
            BenchResult.Against($"purchase-export xlsx {stream.Lines / 1000}k lines, first after start", stream.FirstSeconds, "s",
                closed.FirstSeconds, closedXml, null),
            BenchResult.Absolute($"purchase-export xlsx {stream.Lines / 1000}k lines time", stream.Seconds, "s", XlsxTargetSeconds),
            BenchResult.Against($"purchase-export xlsx {stream.Lines / 1000}k lines peak", stream.PeakMegabytes, "MB", closed.PeakMegabytes,
                closedXml,
                XlsxTargetMegabytes),
            BenchResult.Absolute($"purchase-export csv-sjis {stream.Lines / 1000}k lines", measured["csv-sjis"].Seconds, "s",
                CsvTargetSeconds),
            BenchResult.Absolute($"purchase-export csv-utf8 {stream.Lines / 1000}k lines", measured["csv-utf8"].Seconds, "s",
                CsvTargetSeconds),
        ];
    }

    /// <summary>One child's figures: <see cref="Seconds"/> and <see cref="CpuSeconds"/> of its last download.</summary>
    private sealed record Child(double FirstSeconds, long PeakBytes, long FileBytes, int Lines, double CpuSeconds, double Seconds)
    {
        public double PeakMegabytes => PeakBytes / 1048576.0;
    }

    /// <summary>The child: one variant over the demo data; prints "first-seconds peak-bytes file-bytes lines
    /// cpu-seconds last-seconds".</summary>
    public static async Task<int> RunChildAsync(string repositoryRoot, string variant, string databaseFile)
    {
        await using var services = BenchData.Build(repositoryRoot, databaseFile);
        var contexts = services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>();
        var clock = services.GetRequiredService<BusinessClock>();
        await using var scope = services.CreateAsyncScope();
        var purchases = scope.ServiceProvider.GetRequiredService<PurchaseDataService>();
        int customerId;
        await using (var db = await contexts.CreateDbContextAsync())
            customerId = await db.Customers.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var query = new PurchaseDataQuery(customerId, null, purchases.EarliestDay, purchases.Today);
        var path = Path.Combine(Path.GetTempPath(), $"purchase-export-{variant}-{Environment.ProcessId}.out");
        // The page plans (checks and counts) before it offers the download; the download itself is what is timed.
        var format = variant switch
        {
            "csv-sjis" => ExportFormat.CsvShiftJis,
            "csv-utf8" => ExportFormat.CsvUtf8,
            _ => ExportFormat.Xlsx,
        };
        var plan = await purchases.PlanAsync(query, format);
        using var self = Process.GetCurrentProcess();
        var seconds = new List<double>();
        double cpuSeconds = 0;
        int lines = 0;
        for (var pass = 0; pass < (variant == "xlsx-closedxml" ? 1 : 2); pass++)
        {
            var cpu = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await using (var file = File.Create(path))
            {
                lines = variant == "xlsx-closedxml"
                    ? await ClosedXmlAsync(purchases, contexts, query, file)
                    : (await purchases.WriteAsync(plan, file)).Lines;
            }
            seconds.Add(watch.Elapsed.TotalSeconds);
            self.Refresh();
            cpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds;
        }
        var size = new FileInfo(path).Length;
        File.Delete(path);
        global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{seconds[0]:F3} {self.PeakWorkingSet64} {size} {lines} {cpuSeconds:F3} {seconds[^1]:F3}"));
        return 0;
    }

    /// <summary>The baseline: the same rows into a ClosedXML workbook in memory, the same formats, frozen header and filter.</summary>
    private static async Task<int> ClosedXmlAsync(PurchaseDataService purchases, IDbContextFactory<SmartOfficeDbContext> contexts,
        PurchaseDataQuery query, Stream output)
    {
        await using var db = await contexts.CreateDbContextAsync();
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("購入データ");
        var columns = PurchaseDataService.Columns;
        for (var c = 0; c < columns.Count; c++)
            sheet.Cell(1, c + 1).Value = columns[c].Header;
        var row = 1;
        await foreach (var line in purchases.Lines(db, query).AsAsyncEnumerable())
        {
            row++;
            sheet.Cell(row, 1).Value = line.Date.ToDateTime(TimeOnly.MinValue);
            sheet.Cell(row, 1).Style.NumberFormat.Format = "yyyy/mm/dd";
            sheet.Cell(row, 2).SetValue(line.OrderNumber);
            sheet.Cell(row, 3).SetValue(line.Department);
            sheet.Cell(row, 4).SetValue(line.ProductCode);
            sheet.Cell(row, 5).SetValue(line.ProductName);
            sheet.Cell(row, 6).SetValue(line.Maker);
            sheet.Cell(row, 7).Value = line.Quantity;
            sheet.Cell(row, 8).Value = line.UnitPrice;
            sheet.Cell(row, 8).Style.NumberFormat.Format = "¥#,##0";
            sheet.Cell(row, 9).Value = line.Amount;
            sheet.Cell(row, 9).Style.NumberFormat.Format = "¥#,##0";
            sheet.Cell(row, 10).SetValue(PurchaseDataService.TaxClassText(line.TaxClass));
            sheet.Cell(row, 11).SetValue(line.IsEco ? "○" : "");
            sheet.Cell(row, 12).SetValue(line.LineComment ?? "");
        }
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, row, columns.Count).SetAutoFilter();
        workbook.SaveAs(output);
        return row - 1;
    }
}
