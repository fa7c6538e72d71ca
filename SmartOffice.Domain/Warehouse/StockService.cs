using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Warehouse;

/// <summary>A back-ordered line as the stock page lists it, oldest acceptance first.</summary>
public sealed record WaitingBackOrder(int OrderId, string OrderNumber, int LineNumber, string CustomerName, string ProductCode,
    string ProductName,
    int Quantity, int StockOnHand, DateOnly AcceptanceDay, int AgeDays);

/// <summary>A stock receipt as the stock page lists it; <see cref="FileName"/> null when keyed.</summary>
public sealed record StockReceiptListRow(int Id, string ProductCode, string ProductName, int Quantity, int ServedQuantity,
    DateOnly ReceivedOn,
    DateTimeOffset RecordedAt, string? FileName, string? KeyedBy);

/// <summary>The stock page: the drop folder, the back orders waiting and the last receipts.</summary>
public sealed record StockOverview(string StockFolder, bool FolderReadable, IReadOnlyList<WaitingBackOrder> Waiting,
    IReadOnlyList<StockReceiptListRow> Receipts);

/// <summary>入荷 keyed by a supervisor, as typed: 全角 digits and letters allowed; the service normalises and checks.</summary>
public sealed record StockReceiptEntry(string? ProductCode, string? Quantity, string? ReceivedOn);

/// <summary>What a keyed receipt did: the stock after it, and how much went to back orders at once.</summary>
public sealed record StockReceiptResult(int ReceiptId, string ProductCode, int StockOnHand, int ServedQuantity);

/// <summary>在庫 (supervisors and administrators): the back orders waiting, the receipts, and a receipt keyed by hand.</summary>
public sealed class StockService(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    ICurrentStaff staff,
    StockReceiptImport import,
    IOptions<WarehouseOptions> options,
    IOptions<RulesOptions> rules,
    BusinessCalendarCache calendar,
    BusinessClock clock,
    TimeProvider time)
{
    private const int Shown = 200;
    /// <summary>The most a receipt may bring in one go; more is a typing slip.</summary>
    public const int MaximumReceiptQuantity = 999_999;

    public async Task<StockOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.WarehouseResults);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = clock.Today;
        var waiting = await (
            from line in db.OrderLines.AsNoTracking()
            where line.BackOrder == BackOrderState.Waiting && line.Shipment!.Status == ShipmentStatus.BackOrdered
            join order in db.Orders on line.OrderId equals order.Id
            orderby order.AcceptanceDay, order.ReceivedAt, order.Id, line.LineNumber
            select new { order.Id, order.OrderNumber, line.LineNumber, Customer = order.Customer!.Name, line.ProductCode, line.ProductName,
                line.Quantity,
                line.Product!.StockOnHand, order.AcceptanceDay })
            .Take(Shown).ToListAsync(cancellationToken);
        var receipts = await (
            from r in db.StockReceipts.AsNoTracking()
            join p in db.Products on r.ProductId equals p.Id
            from f in db.WarehouseResultsFiles.Where(f => f.Id == r.WarehouseResultsFileId).DefaultIfEmpty()
            from u in db.Users.Where(u => u.Id == r.KeyedByStaffId).DefaultIfEmpty()
            orderby r.RecordedAt descending, r.Id descending
            select new StockReceiptListRow(r.Id, r.ProductCode, p.Name, r.Quantity, r.ServedQuantity, r.ReceivedOn, r.RecordedAt,
                f == null ? null : f.FileName, u == null ? r.KeyedByStaffId : u.DisplayName))
            .Take(Shown).ToListAsync(cancellationToken);
        return new StockOverview(options.Value.StockFolder, import.FolderReadable,
            waiting.Select(w => new WaitingBackOrder(w.Id, w.OrderNumber, w.LineNumber, w.Customer, w.ProductCode, w.ProductName,
                w.Quantity,
                w.StockOnHand, w.AcceptanceDay, today.DayNumber - w.AcceptanceDay.DayNumber)).ToList(), receipts);
    }

    /// <summary>
    /// 入荷 keyed on the stock page: the product's stock rises and its waiting back orders are served at once, oldest first, in
    /// one transaction with an audit entry — as a row of a stock-receipt file would.
    /// </summary>
    /// <exception cref="BusinessRuleException">A bad code, quantity or date; nothing was saved.</exception>
    public async Task<StockReceiptResult> RecordReceiptAsync(StockReceiptEntry entry, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.WarehouseResults);
        var code = FaxOrderPricing.NormalizeCode(entry.ProductCode);
        if (code.Length == 0)
            throw new BusinessRuleException("Warehouse.Stock.CodeMissing");
        var quantity = Quantity(entry.Quantity);
        var day = Day(entry.ReceivedOn);
        if (day > clock.Today)
            throw new BusinessRuleException("Warehouse.Stock.ReceivedInFuture", WarehouseCsv.Day(day));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var productId = await db.Products.Where(p => p.Code == code).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken)
                        ?? throw new BusinessRuleException("Warehouse.Stock.UnknownProduct", code);
        var receipt = new StockReceipt
        {
            ProductId = productId, ProductCode = code, Quantity = quantity, ReceivedOn = day, KeyedByStaffId = staff.Id,
                RecordedAt = time.GetUtcNow(),
        };
        var serving = new BackOrderServing(rules.Value, await calendar.GetAsync(cancellationToken), clock, time, staff);
        await StockReceiving.ReceiveAsync(db, serving, receipt, cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Warehouse.StockReceiptKeyed", nameof(StockReceipt), receipt.Id, null,
            new { receipt.ProductCode, receipt.Quantity, receipt.ReceivedOn, receipt.ServedQuantity }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var stock = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => p.StockOnHand).FirstAsync(cancellationToken);
        return new StockReceiptResult(receipt.Id, code, stock, receipt.ServedQuantity);
    }

    /// <summary>Imports what lies in the stock folder now, without waiting for the next scan.</summary>
    public async Task<int> ScanNowAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.WarehouseResults);
        if (!import.FolderReadable)
            throw new BusinessRuleException("Warehouse.FolderMissing", options.Value.StockFolder);
        return await import.ScanAsync(waitForStableFiles: false, cancellationToken);
    }

    /// <summary>入荷日 as typed: yyyy/MM/dd and the file's other forms, 全角 digits allowed.</summary>
    private static DateOnly Day(string? input) => KeyedDate.Parse(input, "Warehouse.Stock.DateMissing", "Warehouse.Stock.DateNotValid");

    /// <summary>A positive whole number up to <see cref="MaximumReceiptQuantity"/>; 全角 digits and thousands separators allowed.</summary>
    private static int Quantity(string? input)
    {
        var text = JapaneseInput.NormalizeCode(input).Replace(",", "", StringComparison.Ordinal);
        if (text.Length == 0)
            throw new BusinessRuleException("Warehouse.Stock.QuantityMissing");
        if (!text.All(char.IsAsciiDigit) || text.Length > 9
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
            throw new BusinessRuleException("Warehouse.Stock.QuantityNotNumber", input);
        if (quantity is <= 0 or > MaximumReceiptQuantity)
            throw new BusinessRuleException("Warehouse.Stock.QuantityRange", MaximumReceiptQuantity);
        return quantity;
    }
}
