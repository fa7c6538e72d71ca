using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Accounts;

/// <summary>お客様 / 企業 — a registered buyer with its customer code (お客様番号).</summary>
public class Customer : IVersioned
{
    public int Id { get; set; }
    /// <summary>お客様番号.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>フリガナ (katakana).</summary>
    public required string NameKana { get; set; }
    /// <summary>Name and reading folded for search (NFKC, katakana, company-type words and spaces removed).</summary>
    public string SearchKey { get; set; } = "";
    public required string PostalCode { get; set; }
    public required string Address { get; set; }
    public required string Phone { get; set; }
    public string? Fax { get; set; }
    /// <summary>Digits only, so a number matches however it was typed.</summary>
    public string PhoneDigits { get; set; } = "";
    public string? FaxDigits { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int DealerId { get; set; }
    public Dealer? Dealer { get; set; }
    /// <summary>ポイント対象外 (public money): neither earns nor exchanges points from <see cref="PointsOptOutFrom"/>.</summary>
    public bool PointsOptedOut { get; set; }
    public DateOnly? PointsOptOutFrom { get; set; }
    /// <summary>Volume discount on unit prices, e.g. 0.05 for 5 %; kept by the dealer.</summary>
    public decimal VolumeDiscountRate { get; set; }
    public string? DeliverySlipNote { get; set; }
    public string? BillingNote { get; set; }
    /// <summary>The day the catalogue was sent at registration (お客様登録), or null when none was sent.</summary>
    public DateOnly? CatalogShippedOn { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
    /// <summary>
    /// Bumped first in every FAX order save, correction and void of the customer: the row lock that makes two of them run one
    /// after the other on every provider, so the department budget and the additional-order shipping are checked against what
    /// the other saved (docs/text-and-order-rules.md). Not <see cref="Version"/>: an order must not make an account form stale.
    /// </summary>
    public int OrdersVersion { get; set; }

    public List<Department> Departments { get; set; } = [];
    public List<ShipTo> ShipTos { get; set; } = [];

    /// <summary>
    /// ポイント対象外 on <paramref name="day"/>: from <see cref="PointsOptOutFrom"/> on, or always when no date is set —
    /// no earning, no exchange. The one statement of the rule (docs/architecture.md, "Ordering: entities guard their state").
    /// </summary>
    public bool PointsOptedOutOn(DateOnly day) => PointsOptedOutOn(PointsOptedOut, PointsOptOutFrom, day);

    /// <summary>The same rule for a customer read as columns (a projection, no entity).</summary>
    public static bool PointsOptedOutOn(bool optedOut, DateOnly? optOutFrom, DateOnly day) =>
        optedOut && (optOutFrom is not { } from || day >= from);
}
