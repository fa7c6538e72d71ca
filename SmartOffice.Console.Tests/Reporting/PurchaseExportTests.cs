using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.Support.TestDatabase;

namespace SmartOffice.Console.Tests.Reporting;

public sealed class PurchaseExportTests : IAsyncLifetime
{
    // Wednesday 2026-11-25, 10:00 in Japan: the earliest downloadable day is 2025-08-25.
    private readonly TestDatabase _database = new(JapanTime(2026, 11, 25, 10, 0));
    private Department _department = null!;
    private Department _otherDealers = null!;
    private int _dealerA;

    static PurchaseExportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _department = await _database.AddCustomerAsync("A", "C001");
        _otherDealers = await _database.AddCustomerAsync("B", "C002");
        _dealerA = _database.CreateDbContext().Customers.Single(c => c.Id == _department.CustomerId).DealerId;
        var pen = await _database.AddProductAsync("P-001", "再生紙ボールペン 黒", "髙島屋文具", eco: true, price: 120);
        var tea = await _database.AddProductAsync("F-100", "緑茶 500ml", "=cmd|' /C calc'!A0", eco: false, price: 98,
            taxClass: TaxClass.Reduced8);
        var odd = await _database.AddProductAsync("X-9", "𠮷野家の弁当箱 🍱", "-メーカー", eco: false, price: 1500);
        await _database.AddOrderWithLinesAsync(_department, JapanTime(2026, 11, 20, 9, 30), "F0002",
            [(pen, 10, "至急"), (tea, 24, "@SUM(A1)")]);
        await _database.AddOrderWithLinesAsync(_department, JapanTime(2026, 10, 1, 0, 5), "F0001", [(odd, 1, "+81 3-1234")]);
        // Voided: never exported.
        await _database.AddOrderWithLinesAsync(_department, JapanTime(2026, 11, 21, 9, 0), "F0003", [(pen, 99, null)], OrderStatus.Voided);
        // 23:59 the day after the range's last day in UTC terms is outside; this one is 2026-11-25 00:30 Japan = 11-24 UTC.
        await _database.AddOrderWithLinesAsync(_department, JapanTime(2026, 11, 25, 0, 30), "F0004", [(pen, 1, null)]);
        await _database.AddOrderWithLinesAsync(_otherDealers, JapanTime(2026, 11, 20, 9, 0), "F9999", [(pen, 5, null)]);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private PurchaseDataService For(ICurrentStaff staff) => new(_database, staff, _database.BusinessClock);

    private PurchaseDataQuery Query(DateOnly? to = null) =>
        new(_department.CustomerId, null, new DateOnly(2026, 9, 1), to ?? new DateOnly(2026, 11, 24));

    private async Task<(byte[] Bytes, ExportResult Result)> ExportAsync(ExportFormat format, ICurrentStaff? staff = null,
        PurchaseDataQuery? query = null)
    {
        var service = For(staff ?? TestStaff.DeskAgent);
        var plan = await service.PlanAsync(query ?? Query(), format);
        using var output = new MemoryStream();
        var result = await service.WriteAsync(plan, output);
        return (output.ToArray(), result);
    }

    private static readonly string[][] Expected =
    [
        ["2026/10/01", "F0001", "総務部", "X-9", "𠮷野家の弁当箱 🍱", "-メーカー", "1", "1500", "1500", "標準10%", "", "+81 3-1234"],
        ["2026/11/20", "F0002", "総務部", "P-001", "再生紙ボールペン 黒", "髙島屋文具", "10", "120", "1200", "標準10%", "○", "至急"],
        ["2026/11/20", "F0002", "総務部", "F-100", "緑茶 500ml", "=cmd|' /C calc'!A0", "24", "98", "2352", "軽減8%", "", "@SUM(A1)"],
    ];

    [Fact]
    public async Task The_xlsx_holds_the_database_rows_with_Japanese_headers_formats_frozen_header_and_filter()
    {
        var (bytes, result) = await ExportAsync(ExportFormat.Xlsx);

        Assert.Equal(3, result.Lines);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(PurchaseDataService.Columns.Select(c => c.Header), rows[0].Elements<Cell>().Select(CellText));
        Assert.Equal("購入日", CellText(rows[0].Elements<Cell>().First()));
        Assert.Equal(4, rows.Count);
        var formats = workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);
        var xfs = workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        string FormatOf(Cell cell) => formats.GetValueOrDefault(xfs[(int)cell.StyleIndex!.Value].NumberFormatId!.Value) ?? "";
        for (var i = 0; i < Expected.Length; i++)
        {
            var cells = rows[i + 1].Elements<Cell>().ToList();
            var date = DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(cells[0].CellValue!.Text)));
            Assert.Equal(Expected[i][0], date.ToString("yyyy/MM/dd"));
            Assert.Equal("yyyy/mm/dd", FormatOf(cells[0]));
            Assert.Equal(Expected[i][1..6], cells[1..6].Select(CellText));
            // Numbers stay numbers; money carries the yen format.
            Assert.Equal(Expected[i][6..9], cells[6..9].Select(c => c.CellValue!.Text));
            Assert.All(cells[6..9], c => Assert.Null(c.DataType));
            Assert.Contains("¥", FormatOf(cells[7]));
            Assert.Contains("¥", FormatOf(cells[8]));
            Assert.Equal(Expected[i][9..], cells[9..].Select(CellText));
        }
        // Formula-like text is a text cell in Excel's Text format (@, built-in 49), never a formula: edited, it stays text.
        var maker = rows[3].Elements<Cell>().ElementAt(5);
        Assert.Null(maker.CellFormula);
        Assert.Equal(49u, xfs[(int)maker.StyleIndex!.Value].NumberFormatId!.Value);
        Assert.Equal(49u, xfs[(int)rows[1].Elements<Cell>().ElementAt(5).StyleIndex!.Value].NumberFormatId!.Value);
        Assert.Null(rows[2].Elements<Cell>().ElementAt(5).StyleIndex);
        Assert.Empty(sheet.Descendants<CellFormula>());

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        // The filter sits on the header row; Excel filters the rows below it.
        Assert.Equal("A1:L1", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
    }

    private static string CellText(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    [Fact]
    public async Task Shift_JIS_CSV_keeps_Japanese_replaces_what_it_cannot_hold_visibly_and_counts_it()
    {
        var (bytes, result) = await ExportAsync(ExportFormat.CsvShiftJis);

        var text = Encoding.GetEncoding(932).GetString(bytes);
        var lines = ParseCsv(text);
        Assert.Equal(PurchaseDataService.Columns.Select(c => c.Header), lines[0]);
        // 𠮷 and 🍱 are outside CP932: each becomes 〓 and counts once. 髙 (a CP932 extension) survives.
        Assert.Equal(2, result.ReplacedCharacters);
        Assert.Equal("〓野家の弁当箱 〓", lines[1][4]);
        Assert.Equal("髙島屋文具", lines[2][5]);
        AssertRowsNeutralised(lines);
    }

    [Fact]
    public async Task UTF8_CSV_has_a_BOM_keeps_every_character_and_neutralises_formulas()
    {
        var (bytes, result) = await ExportAsync(ExportFormat.CsvUtf8);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(0, result.ReplacedCharacters);
        var lines = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal("𠮷野家の弁当箱 🍱", lines[1][4]);
        AssertRowsNeutralised(lines);
    }

    [Fact]
    public async Task An_export_of_many_read_ahead_batches_keeps_every_line_in_order_and_stops_reading_when_the_writing_stops()
    {
        // 2,600 lines: three batches read ahead while the writer writes, and more than one progress step.
        var pen = await _database.AddProductAsync("P-BULK", "ボールペン 赤", "テスト文具", eco: true, price: 50);
        await _database.AddOrderWithLinesAsync(_department, JapanTime(2026, 11, 23, 11, 0), "F0005",
            Enumerable.Range(1, 2_600).Select(i => (pen, 1, (string?)$"行{i}")));
        var service = For(TestStaff.DeskAgent);
        var plan = await service.PlanAsync(Query(), ExportFormat.CsvUtf8);
        using (var output = new MemoryStream())
        {
            var result = await service.WriteAsync(plan, output);
            var lines = ParseCsv(Encoding.UTF8.GetString(output.ToArray()[3..]));
            Assert.Equal(2_603, result.Lines);
            Assert.Equal(Enumerable.Range(1, 2_600).Select(i => $"行{i}"), lines.Where(l => l[1] == "F0005").Select(l => l[11]));
        }

        // The client goes away mid-download: the write's failure is the caller's, the reader ends with it.
        var broken = new BrokenAfter(40_000);
        await Assert.ThrowsAsync<IOException>(() => service.WriteAsync(plan, broken));
        // Cancelled from the page after the first progress step.
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            service.WriteAsync(plan, new MemoryStream(), new SynchronousProgress(_ => cancel.Cancel()), cancel.Token));
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    /// <summary>An output that fails once this many bytes are written, as a dropped connection does.</summary>
    private sealed class BrokenAfter(int bytes) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > bytes)
                throw new IOException("connection reset");
            base.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.ToArray(), 0, buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);
    }

    private static void AssertRowsNeutralised(List<string[]> lines)
    {
        Assert.Equal(4, lines.Count);
        Assert.Equal(["2026/11/20", "F0002", "総務部", "P-001", "再生紙ボールペン 黒"], lines[2][..5]);
        Assert.Equal(["10", "120", "1200", "標準10%", "○", "至急"], lines[2][6..]);
        Assert.Equal("'-メーカー", lines[1][5]);
        Assert.Equal("'+81 3-1234", lines[1][11]);
        Assert.Equal("'=cmd|' /C calc'!A0", lines[3][5]);
        Assert.Equal("'@SUM(A1)", lines[3][11]);
        Assert.Equal(["24", "98", "2352", "軽減8%", ""], lines[3][6..11]);
    }

    /// <summary>A small RFC 4180 reader (quoted fields, doubled quotes, CRLF).</summary>
    internal static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = !quoted;
                else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
                else field.Append(c);
            }
            fields.Add(field.ToString());
            rows.Add(fields.ToArray());
        }
        return rows;
    }

    [Fact]
    public async Task Ranges_beyond_15_months_are_refused_with_the_reason()
    {
        var service = For(TestStaff.DeskAgent);

        var tooOld = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            service.PlanAsync(Query() with { From = new DateOnly(2025, 8, 24) }, ExportFormat.Xlsx));
        Assert.Equal("Reporting.RangeTooOld", tooOld.Key);
        Assert.Contains("15", tooOld.Message);
        Assert.Contains("2025/08/25", tooOld.Message);
        // The 15th month back is still inside.
        var plan = await service.PlanAsync(Query() with { From = new DateOnly(2025, 8, 25) }, ExportFormat.Xlsx);
        Assert.Equal(3, plan.Lines);
        var future = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            service.PlanAsync(Query(new DateOnly(2026, 11, 26)), ExportFormat.Xlsx));
        Assert.Equal("Reporting.RangeInFuture", future.Key);
    }

    [Fact]
    public async Task Days_are_Japan_days_and_voided_orders_are_left_out()
    {
        var plan = await For(TestStaff.Supervisor).PlanAsync(Query(new DateOnly(2026, 11, 25)), ExportFormat.CsvUtf8);

        // F0004 at 00:30 on the 25th in Japan counts on the 25th; F0003 (voided) never.
        Assert.Equal(4, plan.Lines);
        Assert.Equal(3, (await For(TestStaff.Supervisor).PlanAsync(Query(), ExportFormat.CsvUtf8)).Lines);
    }

    [Fact]
    public async Task A_dealer_rep_downloads_their_own_customers_only()
    {
        var rep = TestStaff.DealerRep(_dealerA);

        var (_, result) = await ExportAsync(ExportFormat.CsvUtf8, rep);
        Assert.Equal(3, result.Lines);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            For(rep).PlanAsync(new PurchaseDataQuery(_otherDealers.CustomerId, null, new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 24)),
                ExportFormat.Xlsx));
        Assert.Equal([_department.CustomerId], (await For(rep).FindCustomersAsync("")).Select(c => c.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => For(TestStaff.Anonymous).FindCustomersAsync(""));
    }

    [Fact]
    public async Task A_department_export_holds_that_department_only_and_must_belong_to_the_customer()
    {
        var service = For(TestStaff.DeskAgent);

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            service.PlanAsync(Query() with { DepartmentId = _otherDealers.Id }, ExportFormat.Xlsx));
        Assert.Equal("Reporting.DepartmentNotFound", refused.Key);
        var plan = await service.PlanAsync(Query() with { DepartmentId = _department.Id }, ExportFormat.Xlsx);
        Assert.Equal(3, plan.Lines);
        Assert.EndsWith(".xlsx", plan.FileName);
    }
}
