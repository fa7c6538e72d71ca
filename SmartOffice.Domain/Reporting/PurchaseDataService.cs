using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Diagnostics;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Reporting;

/// <summary>Whose purchases (a customer, or one of its departments) over which days (Japan dates, inclusive).</summary>
public sealed record PurchaseDataQuery(int CustomerId, int? DepartmentId, DateOnly From, DateOnly To);

/// <summary>What a download will be: checked, counted and named before the first byte is sent.</summary>
public sealed record PurchaseExportPlan(PurchaseDataQuery Query, ExportFormat Format, string CustomerCode, int Lines, string FileName,
    string ContentType);

/// <summary>One exported line (voided orders never appear).</summary>
public sealed record PurchaseLine(DateOnly Date, string OrderNumber, string Department, string ProductCode, string ProductName,
    string Maker, int Quantity, int UnitPrice, int Amount, TaxClass TaxClass, bool IsEco, string? LineComment);

public sealed record CustomerChoice(int Id, string Code, string Name, IReadOnlyList<DepartmentChoice> Departments);

/// <summary>
/// 購入データダウンロード (docs/business-rules.md §7): the past 15 months as xlsx, CSV Shift_JIS or CSV UTF-8 with BOM.
/// Rows stream from the database to the output; nothing holds the whole export. Dealer reps reach only their
/// own dealer's customers.
/// </summary>
public sealed class PurchaseDataService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, BusinessClock clock,
    ConsoleMetrics? metrics = null)
{
    /// <summary>How far back purchase data can be downloaded (docs/business-rules.md §7, from the FAQ).</summary>
    public const int MonthsBack = 15;

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
            .Select(c => new { c.Id, c.Code, c.Name,
                Departments = c.Departments.OrderBy(d => d.Code).Select(d => new DepartmentChoice(d.Id, d.Code, d.Name)).ToList() })
            .ToListAsync(cancellationToken);
        return customers.Select(c => new CustomerChoice(c.Id, c.Code, c.Name, c.Departments)).ToList();
    }

    /// <summary>Checks the caller, the customer and the range, and counts the lines. Refuses ranges beyond 15 months.</summary>
    public async Task<PurchaseExportPlan> PlanAsync(PurchaseDataQuery query, ExportFormat format,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customerCode = await CheckAsync(db, query, cancellationToken);
        // Lines by their order's index alone: departments and products always join (required keys), so they change no count.
        var lines = await (from order in Orders(db, query) join line in db.OrderLines on order.Id equals line.OrderId select line.Id)
            .CountAsync(cancellationToken);
        var (extension, contentType, suffix) = ExportPipeline.FileOf(format);
        var departmentPart = query.DepartmentId is null ? "" : "_d" + query.DepartmentId;
        var name = $"purchases_{customerCode}{departmentPart}_{query.From:yyyyMMdd}-{query.To:yyyyMMdd}{suffix}.{extension}";
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
    public async Task<ExportResult> WriteAsync(PurchaseExportPlan plan, Stream output, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        await using var sheet = await ExportPipeline.OpenAsync(plan.Format, output, SheetName, Columns, cancellationToken, metrics);
        return await WriteAsync(plan, sheet, progress, cancellationToken);
    }

    private const string SheetName = "購入データ";

    private async Task<ExportResult> WriteAsync(PurchaseExportPlan plan, IExportSheet sheet, IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The plan may be old: check the caller and the range again (not the count: that is a second pass over the lines).
        await CheckAsync(db, plan.Query, cancellationToken);
        return await ExportPipeline.WriteAsync(Lines(db, plan.Query).AsAsyncEnumerable(), Columns.Count, Fill, sheet, progress,
            cancellationToken);
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
                                                       && (dealer == null || db.Customers.Any(c => c.Id == order.CustomerId
                                                           && c.DealerId == dealer)));
    }

    // Client-side in the final projection: SQLite cannot shift DateTimeOffset.
    private static DateOnly JapanDate(BusinessClock clock, DateTimeOffset at) => DateOnly.FromDateTime(clock.ToBusinessTime(at).DateTime);

    private static void Fill(PurchaseLine line, object?[] values)
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
