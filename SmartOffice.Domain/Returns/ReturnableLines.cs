using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Returns;

/// <summary>A delivered part of an order line (its own delivered date) as returns count it.</summary>
internal sealed record DeliveredPart(DateOnly DeliveredOn, int Quantity);

/// <summary>
/// An order line as the return desk checks it: the copy of its product facts, what was delivered in which part, what
/// slips take back.
/// </summary>
internal sealed record OrderLineState(int Id, int LineNumber, string ProductCode, string ProductName, string CategoryName,
    bool NonReturnable, int UnitPrice, int Quantity, int Delivered, int Returned, IReadOnlyList<DeliveredPart> Parts)
{
    /// <summary>The latest delivered part's date: the longest window the line has (null before any delivery).</summary>
    public DateOnly? DeliveryDate => Parts.Count == 0 ? null : Parts.Max(p => p.DeliveredOn);
}

/// <summary>
/// What a return may take back (docs/business-rules.md §4, docs/warehouse-files.md "Returns by part"): each delivered
/// part counts its 90 days from its own delivered date; a line returns at most what was delivered minus what slips
/// already take back, and no more than its parts still within their window delivered.
/// </summary>
internal static class ReturnableLines
{
    /// <summary>The order's lines with what open and credited slips take back (rejected slips and lines do not count).</summary>
    public static async Task<List<OrderLineState>> ReadAsync(SmartOfficeDbContext db, int orderId, CancellationToken cancellationToken)
    {
        var lines = await (from l in db.OrderLines
                           where l.OrderId == orderId
                           orderby l.LineNumber
                           select new
                           {
                               l.Id, l.LineNumber, l.ProductCode, l.ProductName,
                               Category = db.ProductCategories.Where(c => c.Id == l.CategoryId).Select(c => c.Name)
                                   .FirstOrDefault() ?? "",
                               l.Returnable, l.UnitPrice, l.Quantity, l.DeliveredQuantity,
                               Returned = db.ReturnSlipLines
                                   .Where(r => r.OrderLineId == l.Id && r.Inspection != InspectionResult.Rejected
                                               && db.ReturnSlips.Any(s => s.Id == r.ReturnSlipId && s.Status != ReturnSlipStatus.Rejected))
                                   .Sum(r => (int?)r.Quantity) ?? 0,
                           }).ToListAsync(cancellationToken);
        var parts = await db.ShipmentResults.AsNoTracking()
            .Where(r => r.OrderLine!.OrderId == orderId && r.DeliveredOn != null)
            .Select(r => new { r.OrderLineId, DeliveredOn = r.DeliveredOn!.Value, r.Quantity }).ToListAsync(cancellationToken);
        return lines.Select(l => new OrderLineState(l.Id, l.LineNumber, l.ProductCode, l.ProductName, l.Category, !l.Returnable,
            l.UnitPrice, l.Quantity, l.DeliveredQuantity, l.Returned,
            parts.Where(p => p.OrderLineId == l.Id).OrderBy(p => p.DeliveredOn)
                .Select(p => new DeliveredPart(p.DeliveredOn, p.Quantity)).ToList())).ToList();
    }

    /// <summary>
    /// One line of the form against the rules: delivered, the window of its parts, unopened and returnable (unless our
    /// fault), the quantity left.
    /// </summary>
    public static void Check(ReturnRules rules, OrderLineState line, ReturnLineInput input, DateOnly formDay)
    {
        if (line.Parts.Count == 0 || line.Delivered == 0)
            throw new BusinessRuleException("Returns.NotDelivered", line.ProductCode);
        var arrived = line.Parts.Where(p => p.DeliveredOn <= formDay).ToList();
        if (arrived.Count == 0)
            throw new BusinessRuleException("Returns.BeforeDelivery", line.ProductCode, line.Parts[0].DeliveredOn);
        var inWindow = arrived.Where(p => formDay <= rules.LastFormDay(p.DeliveredOn)).ToList();
        var delivered = inWindow.Count > 0 ? inWindow[^1].DeliveredOn : arrived[^1].DeliveredOn;
        var verdict = ReturnSlipLine.IsOurFault(input.Reason)
            ? rules.CheckOurFaultReturn(delivered, formDay)
            : rules.CheckCustomerReturn(delivered, formDay, input.Unopened, line.NonReturnable);
        switch (verdict)
        {
            case ReturnVerdict.TooLate:
                throw new BusinessRuleException("Returns.TooLate", line.ProductCode, rules.LastFormDay(delivered));
            case ReturnVerdict.Opened:
                throw new BusinessRuleException("Returns.Opened", line.ProductCode);
            case ReturnVerdict.NonReturnable:
                throw new BusinessRuleException("Returns.NonReturnable", line.ProductCode, line.CategoryName);
        }
        // Which part an earlier slip took back is not recorded: the line keeps the smaller of what is left overall and what
        // its parts within the window delivered.
        var left = Math.Max(0, Math.Min(line.Delivered - line.Returned, inWindow.Sum(p => p.Quantity)));
        if (input.Quantity > left)
            throw new BusinessRuleException("Returns.QuantityAboveReturnable", line.ProductCode, input.Quantity, line.Delivered,
                line.Returned, left);
    }
}
