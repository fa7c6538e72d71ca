using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Accounts;

/// <summary>The account page's ship-to tab (届け先): registered ship-tos.</summary>
public sealed partial class CustomerAccountService
{
    /// <summary>Adds or edits a registered ship-to (登録届け先).</summary>
    public async Task<int> SaveShipToAsync(ShipToEdit edit, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = edit.RequestedBy.Describe();
        var (name, postalCode, address, phone) = AccountInput.Place(edit.Name, "ShipToName", edit.PostalCode, edit.Address, edit.Phone);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await LoadCustomerAsync(db, edit.CustomerId, cancellationToken);
        ShipTo shipTo;
        object? before = null;
        if (edit.ShipToId is { } id)
        {
            shipTo = await LoadShipToAsync(db, customer, id, edit.Version, cancellationToken);
            before = ShipToOf(shipTo);
        }
        else
        {
            shipTo = new ShipTo { CustomerId = customer.Id, Name = name, PostalCode = postalCode, Address = address };
            db.ShipTos.Add(shipTo);
        }
        shipTo.Name = name;
        shipTo.PostalCode = postalCode;
        shipTo.Address = address;
        shipTo.Phone = phone;
        var after = ShipToOf(shipTo);
        if (before is not null && before.Equals(after))
            return shipTo.Id;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, before is null ? "Accounts.ShipToAdded" : "Accounts.ShipToEdited",
            nameof(Customer), customer.Code, before, after, requestedBy));
        await db.SaveOrRefuseAsync(ShipToChanged, cancellationToken);
        return shipTo.Id;
    }

    /// <summary>Takes a ship-to out of use (kept for the orders that went there).</summary>
    public async Task DeactivateShipToAsync(int customerId, int shipToId, int version, ChangeRequester requester,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = requester.Describe();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await LoadCustomerAsync(db, customerId, cancellationToken);
        var shipTo = await LoadShipToAsync(db, customer, shipToId, version, cancellationToken);
        if (!shipTo.IsActive)
            return;
        shipTo.IsActive = false;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.ShipToDeactivated", nameof(Customer), customer.Code,
            new { shipTo.Name, IsActive = true }, new { shipTo.Name, IsActive = false }, requestedBy));
        await db.SaveOrRefuseAsync(ShipToChanged, cancellationToken);
    }

    private static async Task<ShipTo> LoadShipToAsync(SmartOfficeDbContext db, Customer customer, int shipToId, int version,
        CancellationToken cancellationToken) =>
        (await db.ShipTos.FirstOrDefaultAsync(s => s.Id == shipToId && s.CustomerId == customer.Id, cancellationToken)
         ?? throw new BusinessRuleException("Accounts.ShipToNotFound")).AsSeen(version, ShipToChanged);

    private static object ShipToOf(ShipTo s) => new { s.Name, s.PostalCode, s.Address, s.Phone };
}
