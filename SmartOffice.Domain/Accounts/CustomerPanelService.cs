using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Accounts;

/// <summary>
/// お客様の概要 (docs/product-enquiry-and-quotes.md): everything the desk asks about a customer on one panel, read in one set of
/// small queries on one connection. Whoever may view accounts; dealer reps their own dealer's customers only.
/// </summary>
public sealed class CustomerPanelService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, BusinessClock clock)
{
    /// <summary>Rows per list: the panel is a glance, its links lead to the full pages.</summary>
    public const int MaxRows = 5;

    private static readonly ReturnSlipStatus[] OpenReturnStatuses =
        [ReturnSlipStatus.Received, ReturnSlipStatus.PickupArranged, ReturnSlipStatus.Inspected, ReturnSlipStatus.Credited];

    /// <exception cref="BusinessRuleException">No such active customer.</exception>
    /// <exception cref="AccessDeniedException">Not allowed to view accounts, or a dealer rep and another dealer's customer.</exception>
    public async Task<CustomerPanelView> GetAsync(int customerId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var c = await db.Customers.AsNoTracking().Where(c => c.Id == customerId && c.IsActive)
                    .Select(c => new
                    {
                        c.Code, c.Name, c.Phone, c.Fax, c.DealerId,
                        Dealer = new PanelDealer(c.Dealer!.Name, c.Dealer.ContactPerson, c.Dealer.Phone, c.Dealer.Fax, c.Dealer.Email),
                    })
                    .FirstOrDefaultAsync(cancellationToken)
                ?? throw new BusinessRuleException("Accounts.CustomerNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.AccountView, c.DealerId);

        var today = clock.Today;
        var departments = await db.Departments.AsNoTracking().Where(d => d.CustomerId == customerId && d.IsActive).OrderBy(d => d.Code)
            .Select(d => new
            {
                d.Id, d.Code, d.Name, d.MonthlyBudget, d.BudgetKind,
                Account = db.PointAccounts.Where(a => a.DepartmentId == d.Id && a.Kind == PointAccountKind.Department)
                    .Select(a => (int?)a.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var month = new DateOnly(today.Year, today.Month, 1);
        var spent = await BudgetSpending.SpentAsync(db, departments.Select(d => d.Id).ToList(), month, month.AddMonths(1), null,
            cancellationToken);
        var points = await PointTotals.PerDepartmentAsync(db, customerId, today, cancellationToken);

        var open = db.Shipments.AsNoTracking()
            .Where(s => s.Order!.CustomerId == customerId && s.Order.Status != OrderStatus.Voided
                        && s.Status != ShipmentStatus.Delivered && s.Status != ShipmentStatus.Voided);
        var openOrderIds = open.Select(s => s.OrderId).Distinct();
        var openOrders = await db.Orders.AsNoTracking().Where(o => openOrderIds.Contains(o.Id))
            .OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id).Take(MaxRows)
            .Select(o => new
            {
                o.Id, o.OrderNumber, o.ReceivedAt, o.Total,
                // The least advanced part is what the customer waits for: stock, then the batch, then the warehouse (statuses are
                // stored as names, so the order is spelled out).
                First = open.Where(s => s.OrderId == o.Id)
                    .OrderBy(s => s.Status == ShipmentStatus.BackOrdered ? 0
                        : s.Status == ShipmentStatus.Open ? 1
                        : s.Status == ShipmentStatus.Instructed ? 2 : 3)
                    .ThenBy(s => s.DeliveryDate).Select(s => new { s.Status, s.DeliveryDate }).First(),
            })
            .ToListAsync(cancellationToken);

        var returns = db.ReturnSlips.AsNoTracking().Where(r => r.CustomerId == customerId && OpenReturnStatuses.Contains(r.Status));
        var backOrders = db.OrderLines.AsNoTracking()
            .Where(l => l.BackOrder == BackOrderState.Waiting && l.Shipment!.Order!.CustomerId == customerId
                && l.Shipment.Order.Status != OrderStatus.Voided);
        var mayReadFaxes = AccessPolicy.Allows(staff, Capability.FaxOrderEntry);

        return new CustomerPanelView(customerId, c.Code, c.Name, c.Phone, c.Fax, c.Dealer,
            departments.Select(d => new PanelDepartment(d.Id, d.Code, d.Name, d.MonthlyBudget, d.BudgetKind, spent.GetValueOrDefault(d.Id),
                d.Account,
                points.GetValueOrDefault(d.Id).Balance, points.GetValueOrDefault(d.Id).Expiring)).ToList(),
            openOrders.Select(o => new PanelOrder(o.Id, o.OrderNumber, o.ReceivedAt, o.First.Status, o.First.DeliveryDate, o.Total))
                .ToList(),
            await openOrderIds.CountAsync(cancellationToken),
            await returns.OrderByDescending(r => r.Id).Take(MaxRows)
                .Select(r => new PanelReturn(r.Id, r.SlipNumber, r.FormReceivedOn, r.Status)).ToListAsync(cancellationToken),
            await returns.CountAsync(cancellationToken),
            await backOrders.OrderByDescending(l => l.OrderId).ThenBy(l => l.LineNumber).Take(MaxRows)
                .Select(l => new PanelBackOrder(l.OrderId, l.Shipment!.Order!.OrderNumber, l.LineNumber, l.ProductCode, l.ProductName,
                    l.Quantity))
                .ToListAsync(cancellationToken),
            await backOrders.CountAsync(cancellationToken),
            await db.WebUsers.AsNoTracking()
                .Where(u => u.Department!.CustomerId == customerId && u.IsActive && u.LockedAt != null)
                .OrderByDescending(u => u.LockedAt).Take(MaxRows)
                .Select(u => new PanelLockedUser(u.Id, u.UserId, u.Name, u.Department!.Name, u.LockedAt!.Value))
                    .ToListAsync(cancellationToken),
            mayReadFaxes
                ? await db.FaxInboxItems.AsNoTracking().Where(f => f.CustomerId == customerId).OrderByDescending(f => f.ReceivedAt)
                    .Take(MaxRows)
                    .Select(f => new PanelFax(f.Id, f.ReceivedAt, f.Kind, f.Status)).ToListAsync(cancellationToken)
                : null);
    }
}
