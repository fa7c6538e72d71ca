using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;

namespace SmartOffice.Domain.Jobs;

/// <summary>
/// 出荷指示: one CSV per batch in the outbox, UTF-8 with BOM (the warehouse opens it in Excel too), one row per order line,
/// formula-like text neutralised as in every export (<see cref="ExportCells"/>).
/// Written to a temporary name and renamed, so the warehouse never picks up half a file; rewriting gives the same file.
/// </summary>
public sealed class ShippingInstructionWriter(IOptions<JobsOptions> options)
{
    private static readonly string[] Header =
    [
        "締めバッチ", "受付日", "注文番号", "出荷番号", "配送区分", "お届け予定日", "お客様番号", "お客様名", "部署",
        "届け先", "郵便番号", "住所", "行", "商品コード", "商品名", "数量", "行コメント",
    ];

    public async Task<string> WriteAsync(SmartOfficeDbContext db, CutoffBatch batch, CancellationToken cancellationToken)
    {
        var rows = await (
            from line in db.OrderLines
            where line.Shipment!.CutoffBatchId == batch.Id
            let order = line.Shipment!.Order!
            join customer in db.Customers on order.CustomerId equals customer.Id
            join department in db.Departments on order.DepartmentId equals department.Id
            from shipTo in db.ShipTos.Where(t => t.Id == order.ShipToId).DefaultIfEmpty()
            from other in db.Departments.Where(d => d.Id == order.ShipToDepartmentId).DefaultIfEmpty()
            orderby order.OrderNumber, line.LineNumber
            select new
            {
                order.OrderNumber, ShipmentId = line.ShipmentId, line.DeliveryClass, line.Shipment!.DeliveryDate,
                CustomerCode = customer.Code, CustomerName = customer.Name, Department = department.Name,
                // 届け先: the registered ship-to, else the other department chosen, else the ordering department.
                ShipToName = shipTo != null ? shipTo.Name : other != null ? other.Name : department.Name,
                PostalCode = shipTo != null ? shipTo.PostalCode : other != null ? other.PostalCode : department.PostalCode,
                Address = shipTo != null ? shipTo.Address : other != null ? other.Address : department.Address,
                line.LineNumber, line.ProductCode, line.ProductName, line.Quantity, line.LineComment,
            }).AsNoTracking().ToListAsync(cancellationToken);

        var folder = options.Value.OutboxFolder;
        Directory.CreateDirectory(folder);
        var name = $"{batch.AcceptanceDay:yyyyMMdd}_{batch.BatchKey}.csv";
        var temporary = Path.Combine(folder, name + ".tmp");
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        await using (var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        {
            await text.WriteLineAsync(Csv(Header));
            foreach (var row in rows)
            {
                await text.WriteLineAsync(Csv(
                [
                    batch.Id.ToString(), batch.AcceptanceDay.ToString("yyyy/MM/dd"), row.OrderNumber, row.ShipmentId.ToString(),
                    row.DeliveryClass.ToString(), row.DeliveryDate?.ToString("yyyy/MM/dd") ?? "", row.CustomerCode, row.CustomerName,
                    row.Department, row.ShipToName, row.PostalCode, row.Address, row.LineNumber.ToString(), row.ProductCode,
                    row.ProductName, row.Quantity.ToString(), row.LineComment ?? "",
                ]));
            }
            await text.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path.Combine(folder, name), overwrite: true);
        return name;
    }

    /// <summary>
    /// Every field quoted, and text Excel would take for a formula (a company typed as ＝HYPERLINK(…), normalised to =) made
    /// text by the exports' rule: the warehouse opens this file in Excel too.
    /// </summary>
    private static string Csv(IEnumerable<string> fields) =>
        string.Join(',', fields.Select(f => "\"" + ExportCells.Neutralise(f).Replace("\"", "\"\"") + "\""));
}
