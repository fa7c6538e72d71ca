using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using SmartOffice.Domain.Reporting;

namespace SmartOffice.Bench;

/// <summary>
/// purchase-export: 200,000 purchase lines × 12 columns written as streaming xlsx (SAX into a zip entry),
/// ClosedXML in memory, CSV Shift_JIS and CSV UTF-8. Each variant runs in its own process so its peak working
/// set is its own. Rows are generated (no database read). Register <see cref="RunAsync"/> in a bench runner,
/// or run this project: <c>dotnet run -c Release --project bench/PurchaseExportBench [rows]</c>.
/// </summary>
public static class PurchaseExportBenchmark
{
    public const string Name = "purchase-export";
    private static readonly string[] Variants = ["xlsx-stream", "xlsx-closedxml", "csv-sjis", "csv-utf8"];

    public static async Task<int> Main(string[] args)
    {
        if (args.Length >= 1 && Variants.Contains(args[0]))
        {
            RunVariant(args[0], args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000);
            return 0;
        }
        await RunAsync(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000);
        return 0;
    }

    /// <summary>Runs every variant in a child process and prints time, peak memory and the ratios.</summary>
    public static async Task RunAsync(int rows = 200_000)
    {
        var results = new Dictionary<string, (double Seconds, long PeakBytes, long FileBytes)>();
        foreach (var variant in Variants)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            var entry = typeof(PurchaseExportBenchmark).Assembly.Location;
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
                start.ArgumentList.Add(entry);
            start.ArgumentList.Add(variant);
            start.ArgumentList.Add(rows.ToString(CultureInfo.InvariantCulture));
            using var child = Process.Start(start)!;
            var output = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            var parts = output.Trim().Split(' ');
            results[variant] = (double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
        }
        global::System.Console.WriteLine($"{Name}: {rows:N0} lines × {PurchaseDataService.Columns.Count} columns (generated rows, no database read)");
        foreach (var (variant, r) in results)
            global::System.Console.WriteLine($"  {variant,-15} {r.Seconds,7:F2} s  peak {r.PeakBytes / 1048576.0,7:F0} MB  file {r.FileBytes / 1048576.0,6:F1} MB  {rows / r.Seconds,10:N0} rows/s");
        var stream = results["xlsx-stream"];
        var closed = results["xlsx-closedxml"];
        global::System.Console.WriteLine($"  streaming xlsx vs ClosedXML: {closed.Seconds / stream.Seconds:F1}× faster, {(double)closed.PeakBytes / stream.PeakBytes:F1}× less peak memory");
    }

    private static void RunVariant(string variant, int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"purchase-export-{variant}-{Environment.ProcessId}.out");
        var watch = Stopwatch.StartNew();
        using (var file = File.Create(path))
        {
            switch (variant)
            {
                case "xlsx-stream":
                    using (var xlsx = new XlsxStreamWriter(file, "購入データ", PurchaseDataService.Columns))
                    {
                        foreach (var row in Rows(rows))
                            xlsx.WriteRow(row);
                        xlsx.Finish();
                    }
                    break;
                case "xlsx-closedxml":
                    using (var workbook = new XLWorkbook())
                    {
                        var sheet = workbook.Worksheets.Add("購入データ");
                        for (var c = 0; c < PurchaseDataService.Columns.Count; c++)
                            sheet.Cell(1, c + 1).Value = PurchaseDataService.Columns[c].Header;
                        var r = 2;
                        foreach (var row in Rows(rows))
                        {
                            for (var c = 0; c < row.Length; c++)
                            {
                                var cell = sheet.Cell(r, c + 1);
                                switch (row[c])
                                {
                                    case DateOnly d: cell.Value = d.ToDateTime(TimeOnly.MinValue); cell.Style.NumberFormat.Format = "yyyy/mm/dd"; break;
                                    case int n: cell.Value = n; break;
                                    case string s: cell.SetValue(s); break;
                                }
                            }
                            r++;
                        }
                        sheet.SheetView.FreezeRows(1);
                        sheet.Range(1, 1, r - 1, PurchaseDataService.Columns.Count).SetAutoFilter();
                        workbook.SaveAs(file);
                    }
                    break;
                default:
                    using (var csv = new CsvExportWriter(file, variant == "csv-sjis", PurchaseDataService.Columns))
                    {
                        foreach (var row in Rows(rows))
                            csv.WriteRow(row);
                        csv.Flush();
                    }
                    break;
            }
        }
        watch.Stop();
        var size = new FileInfo(path).Length;
        File.Delete(path);
        using var self = Process.GetCurrentProcess();
        global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds:F3} {self.PeakWorkingSet64} {size}"));
    }

    /// <summary>Deterministic purchase lines; one array reused per row, as the service does.</summary>
    private static IEnumerable<object?[]> Rows(int count)
    {
        string[] products = ["再生紙コピー用紙 A4 500枚", "ゲルインクボールペン 0.5mm 黒", "クリアファイル A4 10枚入", "緑茶 500ml 24本", "ホッチキス針 No.10"];
        string[] makers = ["エコ製紙", "文具工業", "髙島屋文具", "飲料販売", "事務用品"];
        var row = new object?[12];
        var day = new DateOnly(2025, 9, 1);
        for (var i = 0; i < count; i++)
        {
            var p = i % products.Length;
            var quantity = 1 + i % 12;
            var price = 100 + p * 180;
            row[0] = day.AddDays(i / 500);
            row[1] = $"F{100000 + i / 4:D7}";
            row[2] = i % 3 == 0 ? "総務部" : "営業部";
            row[3] = $"P-{p:D3}{i % 97:D2}";
            row[4] = products[p];
            row[5] = makers[p];
            row[6] = quantity;
            row[7] = price;
            row[8] = quantity * price;
            row[9] = p == 3 ? "軽減8%" : "標準10%";
            row[10] = p == 0 ? "○" : "";
            row[11] = i % 10 == 0 ? "至急" : null;
            yield return row;
        }
    }
}
