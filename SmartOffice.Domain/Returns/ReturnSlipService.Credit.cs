using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Returns;

/// <summary>The credit of an inspected slip: goods and tax per rate, the shipping refund, and the points taken back.</summary>
public sealed partial class ReturnSlipService
{
    /// <summary>The slip's credit as the rules compute it from its accepted lines and the order's earlier credited slips.</summary>
    private async Task<(ReturnCredit Credit, int DepartmentId)> CreditOfAsync(SmartOfficeDbContext db, ReturnSlip slip,
        CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == slip.OrderId)
            .Select(o => new { o.Id, o.DepartmentId, o.GoodsSubtotal, o.ShippingFee, o.PointsEarned }).SingleAsync(cancellationToken);
        var orderLines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == order.Id)
            .Select(l => new { l.Id, l.Quantity, l.UnitPrice, l.TaxClass }).ToDictionaryAsync(l => l.Id, cancellationToken);
        var accepted = slip.Lines.Where(l => l.Inspection == InspectionResult.Accepted).ToList();
        var goods = accepted.Select(l => (Line: l, Ordered: orderLines[l.OrderLineId]))
            .Select(x => new TaxableAmount(x.Ordered.TaxClass, x.Ordered.UnitPrice * x.Line.Quantity)).ToList();

        // Earlier credited slips of the same order: what they returned, refunded and reversed.
        var earlier = await db.ReturnSlips.AsNoTracking()
            .Where(s => s.OrderId == order.Id && s.Id != slip.Id
                        && (s.Status == ReturnSlipStatus.Credited || s.Status == ReturnSlipStatus.Done))
            .Select(s => new { s.CreditAmount, s.ShippingRefund, s.PointsReversed, s.PointsShortfall }).ToListAsync(cancellationToken);
        var earlierLines = await db.ReturnSlipLines.AsNoTracking()
            .Where(l => l.Inspection == InspectionResult.Accepted && l.ReturnSlipId != slip.Id
                        && db.ReturnSlips.Any(s => s.Id == l.ReturnSlipId && s.OrderId == order.Id
                                                   && (s.Status == ReturnSlipStatus.Credited || s.Status == ReturnSlipStatus.Done)))
            .Select(l => new { l.OrderLineId, l.Quantity, l.Reason }).ToListAsync(cancellationToken);
        var allReturned = earlierLines.Select(l => (l.OrderLineId, l.Quantity, l.Reason))
            .Concat(accepted.Select(l => (l.OrderLineId, l.Quantity, l.Reason))).ToList();
        var fullReturn = orderLines.Values.All(o => allReturned.Where(r => r.OrderLineId == o.Id).Sum(r => r.Quantity) >= o.Quantity);
        var ourFault = allReturned.All(r => ReturnSlipLine.IsOurFault(r.Reason));
        var shippingRefund = fullReturn && ourFault && earlier.All(e => e.ShippingRefund == 0) ? order.ShippingFee : 0;

        var tax = new TaxRules(rules.Value).ForSlip(goods, shippingRefund);
        var credited = goods.Sum(g => g.AmountExTax);

        // Points: recompute the order's on what remains after every credited slip; reverse what earlier slips did not.
        var remaining = Math.Max(0, order.GoodsSubtotal - earlier.Sum(e => e.CreditAmount) - credited);
        var due = order.PointsEarned == 0 ? 0
            : Math.Max(0, order.PointsEarned - new PointRules(rules.Value).PointsEarned(remaining)
                          - earlier.Sum(e => e.PointsReversed + e.PointsShortfall));
        return (new ReturnCredit(credited, tax.TaxAt(rules.Value.StandardTaxRatePercent), tax.TaxAt(rules.Value.ReducedTaxRatePercent),
            shippingRefund, due), order.DepartmentId);
    }

    /// <summary>
    /// Takes the credited slip's points back from the account the order earned in (the department's FAX account when it
    /// earned none), the order's own lot first; what the balance cannot give is the slip's shortfall.
    /// </summary>
    private async Task TakeBackPointsAsync(SmartOfficeDbContext db, ReturnSlip slip, int departmentId, CancellationToken cancellationToken)
    {
        if (slip.PointsReversed == 0)
            return;
        var ledger = new PointLedger(db, new PointRules(rules.Value), time, staff.Id);
        var accountId = await db.PointLots.AsNoTracking().Where(l => l.OrderId == slip.OrderId).OrderBy(l => l.Id)
            .Select(l => (int?)l.PointAccountId).FirstOrDefaultAsync(cancellationToken);
        var account = accountId is { } id
            ? await db.PointAccounts.SingleAsync(a => a.Id == id, cancellationToken)
            : await ledger.DepartmentAccountAsync(departmentId, cancellationToken);
        // Serialises against other movements of the account (a prize spend, another reversal) as the points services do.
        PointAccountService.Touch(db, account);
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        var shortfall = await ledger.ReverseAsync(account.Id, slip.PointsReversed, slip.OrderId, slip.Id, clock.Today, slip.SlipNumber,
            cancellationToken);
        slip.PointsFellShort(shortfall);
    }
}
