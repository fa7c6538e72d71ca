using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Accounts;

/// <summary>The account page's settings tab (設定): point opt-out, volume discount, notes.</summary>
public sealed partial class CustomerAccountService
{
    /// <summary>Point opt-out (from a date, today or later), volume discount 0–50 %, delivery-slip and billing notes.</summary>
    public async Task UpdateSettingsAsync(SettingsChange change, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = change.RequestedBy.Describe();
        var s = change.Settings;
        if (s.VolumeDiscountPercent is < 0 or > MaxDiscountPercent)
            throw new BusinessRuleException("Accounts.DiscountRange", MaxDiscountPercent);
        if (decimal.Round(s.VolumeDiscountPercent, 1) != s.VolumeDiscountPercent)
            throw new BusinessRuleException("Accounts.DiscountPrecision");
        DateOnly? optOutFrom = null;
        if (s.PointsOptedOut)
        {
            optOutFrom = s.PointsOptOutFrom ?? throw new BusinessRuleException("Accounts.OptOutDateRequired");
        }
        var slipNote = AccountInput.Optional(s.DeliverySlipNote, "DeliverySlipNote", 200);
        var billingNote = AccountInput.Optional(s.BillingNote, "BillingNote", 200);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await LoadCustomerForEditAsync(db, change.CustomerId, change.Version, cancellationToken);
        // An opt-out already in force keeps its date; a new one cannot start in the past (points already earned stay earned).
        if (optOutFrom is { } from && from != customer.PointsOptOutFrom && from < clock.Today)
            throw new BusinessRuleException("Accounts.OptOutDatePast");
        var before = SettingsOf(customer);
        customer.PointsOptedOut = s.PointsOptedOut;
        customer.PointsOptOutFrom = optOutFrom;
        customer.VolumeDiscountRate = s.VolumeDiscountPercent / 100m;
        customer.DeliverySlipNote = slipNote;
        customer.BillingNote = billingNote;
        var after = SettingsOf(customer);
        if (before == after)
            return;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.SettingsChanged", nameof(Customer), customer.Code, before, after,
            requestedBy));
        await db.SaveOrRefuseAsync(CustomerChanged, cancellationToken);
    }

    private static CustomerSettings SettingsOf(Customer c) =>
        new(c.PointsOptedOut, c.PointsOptOutFrom, c.VolumeDiscountRate * 100m, c.DeliverySlipNote, c.BillingNote);
}
