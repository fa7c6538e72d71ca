using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Reporting;

public enum PurchaseExportFormat { Xlsx, CsvShiftJis, CsvUtf8 }

/// <summary>Whose purchases (a customer, or one of its departments) over which days (Japan dates, inclusive).</summary>
public sealed record PurchaseDataQuery(int CustomerId, int? DepartmentId, DateOnly From, DateOnly To);

/// <summary>What a download will be: checked, counted and named before the first byte is sent.</summary>
public sealed record PurchaseExportPlan(PurchaseDataQuery Query, PurchaseExportFormat Format, string CustomerCode, int Lines, string FileName, string ContentType);

public sealed record PurchaseExportResult(int Lines, int ReplacedCharacters);

/// <summary>One exported line (voided orders never appear).</summary>
public sealed record PurchaseLine(DateOnly Date, string OrderNumber, string Department, string ProductCode, string ProductName,
    string Maker, int Quantity, int UnitPrice, int Amount, TaxClass TaxClass, bool IsEco, string? LineComment);

public sealed record CustomerChoice(int Id, string Code, string Name, IReadOnlyList<DepartmentChoice> Departments);

public sealed record DepartmentChoice(int Id, string Code, string Name);

/// <summary>
/// 購入データダウンロード (DOMAIN.md §7): the past 15 months as xlsx, CSV Shift_JIS or CSV UTF-8 with BOM.
/// Rows stream from the database to the output; nothing holds the whole export. Dealer reps reach only their
/// own dealer's customers.
/// </summary>
public sealed class PurchaseDataService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, BusinessClock clock)
{
    /// <summary>How far back purchase data can be downloaded (DOMAIN.md §7, from the FAQ).</summary>
    public const int MonthsBack = 15;

    /// <summary>Progress is reported every this many lines.</summary>
    public const int ProgressStep = 2_000;

    private const int ReadAheadBatch = 1_000, ReadAheadBatches = 4;

    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("購入日", CellKind.Date, 12), new("注文番号", CellKind.Text, 16), new("部署", CellKind.Text, 18),
        new("商品コード", CellKind.Text, 14), new("商品名", CellKind.Text, 40), new("メーカー", CellKind.Text, 18),
        new("数量", CellKind.Number, 8), new("単価", CellKind.Yen, 11), new("金額", CellKind.Yen, 12),
        new("税区分", CellKind.Text, 10), new("環境配慮", CellKind.Text, 9), new("行コメント", CellKind.Text, 30),
    ];

    /// <summary>The earliest day that can be downloaded today.</summary>
    public DateOnly EarliestDay => clock.Today.AddMonths(-MonthsBack);

    public DateOnly Today => clock.Today;

    /// <summary>Customers the caller may download for (a dealer rep: their own), matching a code or name.</summary>
    public async Task<IReadOnlyList<CustomerChoice>> FindCustomersAsync(string? text, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PurchaseDataDownload);
        var dealer = AccessPolicy.DealerScope(staff);
        var key = Text.JapaneseInput.FoldForSearch(text ?? "");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customers = await db.Customers.AsNoTracking()
            .Where(c => dealer == null || c.DealerId == dealer)
            .Where(c => key == "" || c.Code.Contains(key) || c.SearchKey.Contains(key))
            .OrderBy(c => c.Code).Take(20)
            .Select(c => new { c.Id, c.Code, c.Name, Departments = c.Departments.OrderBy(d => d.Code).Select(d => new DepartmentChoice(d.Id, d.Code, d.Name)).ToList() })
            .ToListAsync(cancellationToken);
        return customers.Select(c => new CustomerChoice(c.Id, c.Code, c.Name, c.Departments)).ToList();
    }

    /// <summary>Checks the caller, the customer and the range, and counts the lines. Refuses ranges beyond 15 months.</summary>
    public async Task<PurchaseExportPlan> PlanAsync(PurchaseDataQuery query, PurchaseExportFormat format, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customerCode = await CheckAsync(db, query, cancellationToken);
        // Lines by their order's index alone: departments and products always join (required keys), so they change no count.
        var lines = await (from order in Orders(db, query) join line in db.OrderLines on order.Id equals line.OrderId select line.Id)
            .CountAsync(cancellationToken);
        var (extension, contentType) = format switch
        {
            PurchaseExportFormat.Xlsx => ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            PurchaseExportFormat.CsvShiftJis => ("csv", "text/csv; charset=shift_jis"),
            _ => ("csv", "text/csv; charset=utf-8"),
        };
        var suffix = format == PurchaseExportFormat.CsvShiftJis ? "_sjis" : format == PurchaseExportFormat.CsvUtf8 ? "_utf8" : "";
        var name = $"purchases_{customerCode}{(query.DepartmentId is null ? "" : "_d" + query.DepartmentId)}_{query.From:yyyyMMdd}-{query.To:yyyyMMdd}{suffix}.{extension}";
        return new PurchaseExportPlan(query, format, customerCode, lines, name, contentType);
    }

    /// <summary>The caller may download this customer's (and department's) data for this range; returns the customer code.</summary>
    private async Task<string> CheckAsync(SmartOfficeDbContext db, PurchaseDataQuery query, CancellationToken cancellationToken)
    {
        AccessPolicy.Demand(staff, Capability.PurchaseDataDownload);
        CheckRange(query);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == query.CustomerId)
                           .Select(c => new { c.Code, c.DealerId }).FirstOrDefaultAsync(cancellationToken)
                       ?? throw new BusinessRuleException("Reporting.CustomerNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.PurchaseDataDownload, customer.DealerId);
        if (query.DepartmentId is { } departmentId
            && !await db.Departments.AnyAsync(d => d.Id == departmentId && d.CustomerId == query.CustomerId, cancellationToken))
            throw new BusinessRuleException("Reporting.DepartmentNotFound");
        return customer.Code;
    }

    /// <summary>
    /// Streams the planned export to <paramref name="output"/> (synchronous writes: allow them on an HTTP response).
    /// <paramref name="progress"/> receives the lines written so far.
    /// </summary>
    public async Task<PurchaseExportResult> WriteAsync(PurchaseExportPlan plan, Stream output, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The plan may be old: check the caller and the range again (not the count: that is a second pass over the lines).
        await CheckAsync(db, plan.Query, cancellationToken);
        var values = new object?[Columns.Count];
        var count = 0;
        if (plan.Format == PurchaseExportFormat.Xlsx)
        {
            using var xlsx = new XlsxStreamWriter(output, "購入データ", Columns);
            await foreach (var batch in ReadAheadAsync(Lines(db, plan.Query), cancellationToken))
                foreach (var line in batch)
                {
                    Fill(values, line);
                    xlsx.WriteRow(values);
                    if (++count % ProgressStep == 0)
                        progress?.Report(count);
                }
            xlsx.Finish();
            progress?.Report(count);
            return new PurchaseExportResult(count, 0);
        }

        using var csv = new CsvExportWriter(output, plan.Format == PurchaseExportFormat.CsvShiftJis, Columns);
        await foreach (var batch in ReadAheadAsync(Lines(db, plan.Query), cancellationToken))
            foreach (var line in batch)
            {
                Fill(values, line);
                csv.WriteRow(values);
                if (++count % ProgressStep == 0)
                {
                    await csv.FlushAsync(cancellationToken);
                    progress?.Report(count);
                }
            }
        await csv.FlushAsync(cancellationToken);
        progress?.Report(count);
        return new PurchaseExportResult(count, csv.ReplacedCharacters);
    }

    /// <summary>
    /// Reads the lines on a thread of their own, in batches, while the caller writes the previous ones: the database read
    /// and the writing each take about half of a download, and the server has more than one core. At most
    /// <see cref="ReadAheadBatches"/> batches wait, so memory stays flat; the reader stops when the writer stops (cancelled
    /// download, failed write) and its failure is the caller's.
    /// </summary>
    private static async IAsyncEnumerable<List<PurchaseLine>> ReadAheadAsync(IQueryable<PurchaseLine> lines,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<List<PurchaseLine>>(new BoundedChannelOptions(ReadAheadBatches) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(async () =>
        {
            try
            {
                var batch = new List<PurchaseLine>(ReadAheadBatch);
                await foreach (var line in lines.AsAsyncEnumerable().WithCancellation(stop.Token))
                {
                    batch.Add(line);
                    if (batch.Count < ReadAheadBatch)
                        continue;
                    await channel.Writer.WriteAsync(batch, stop.Token);
                    batch = new List<PurchaseLine>(ReadAheadBatch);
                }
                if (batch.Count > 0)
                    await channel.Writer.WriteAsync(batch, stop.Token);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
                yield return batch;
        }
        finally
        {
            await stop.CancelAsync();
            await reader;
        }
    }

    /// <summary>
    /// The lines of a query in date order, for tests and the eco report. By (received, id, line): the order index on
    /// (customer, received) holds the id after its columns and the lines' index is (order, line), so the database streams
    /// the rows in that order with no sort (ordering by the order number instead sorted every line before the first row).
    /// </summary>
    internal IQueryable<PurchaseLine> Lines(SmartOfficeDbContext db, PurchaseDataQuery query) =>
        from order in Orders(db, query)
        join department in db.Departments on order.DepartmentId equals department.Id
        join line in db.OrderLines on order.Id equals line.OrderId
        orderby order.ReceivedAt, order.Id, line.LineNumber
        select new PurchaseLine(JapanDate(clock, order.ReceivedAt), order.OrderNumber, department.Name,
            line.ProductCode, line.ProductName, line.Maker, line.Quantity, line.UnitPrice, line.Amount, line.TaxClass,
            line.IsEco, line.LineComment);

    /// <summary>The query's orders (voided ones never count); a dealer rep's only when the customer is their dealer's.</summary>
    private IQueryable<Order> Orders(SmartOfficeDbContext db, PurchaseDataQuery query)
    {
        var dealer = AccessPolicy.DealerScope(staff);
        var start = clock.DayBounds(query.From).Start;
        var end = clock.DayBounds(query.To).End;
        return db.Orders.AsNoTracking().Where(order => order.CustomerId == query.CustomerId && order.Status != OrderStatus.Voided
                                                       && order.ReceivedAt >= start && order.ReceivedAt < end
                                                       && (query.DepartmentId == null || order.DepartmentId == query.DepartmentId)
                                                       && (dealer == null || db.Customers.Any(c => c.Id == order.CustomerId && c.DealerId == dealer)));
    }

    // Client-side in the final projection: SQLite cannot shift DateTimeOffset.
    private static DateOnly JapanDate(BusinessClock clock, DateTimeOffset at) => DateOnly.FromDateTime(clock.ToBusinessTime(at).DateTime);

    private static void Fill(object?[] values, PurchaseLine line)
    {
        values[0] = line.Date;
        values[1] = line.OrderNumber;
        values[2] = line.Department;
        values[3] = line.ProductCode;
        values[4] = line.ProductName;
        values[5] = line.Maker;
        values[6] = line.Quantity;
        values[7] = line.UnitPrice;
        values[8] = line.Amount;
        values[9] = TaxClassText(line.TaxClass);
        values[10] = line.IsEco ? "○" : "";
        values[11] = line.LineComment;
    }

    public static string TaxClassText(TaxClass taxClass) => taxClass == TaxClass.Reduced8 ? "軽減8%" : "標準10%";

    private void CheckRange(PurchaseDataQuery query)
    {
        if (query.From > query.To)
            throw new BusinessRuleException("Reporting.RangeInverted");
        if (query.To > clock.Today)
            throw new BusinessRuleException("Reporting.RangeInFuture", clock.Today);
        if (query.From < EarliestDay)
            throw new BusinessRuleException("Reporting.RangeTooOld", MonthsBack, EarliestDay);
    }
}
