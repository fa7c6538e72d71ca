namespace SmartOffice.Domain.Rules;

/// <summary>Orders come only by FAX or Web (no phone or e-mail orders).</summary>
public enum OrderChannel { Fax, Web }

/// <summary>Standard items; furniture = トラックマーク (truck mark); special order = 電話マーク (phone mark).</summary>
public enum DeliveryClass { Standard, Furniture, SpecialOrder }

/// <summary>受付日 and the earliest possible delivery date; null for a special order (advised individually).</summary>
public sealed record DeliveryQuote(DateOnly AcceptanceDay, DateOnly? EarliestDelivery);

/// <summary>Why a requested delivery date (お届け日指定) is refused; stable names for UI messages.</summary>
public enum RequestedDateRejection
{
    /// <summary>Before the earliest possible delivery date.</summary>
    TooEarly,
    Sunday,
    /// <summary>A national holiday (祝日, 振替休日, 国民の休日).</summary>
    Holiday,
    /// <summary>A company closure day (年末年始等の特別休業日).</summary>
    ClosureDay,
    /// <summary>A Saturday for an order that may not be delivered on Saturdays (truck/phone mark, flagged products).</summary>
    SaturdayNotAllowed,
    /// <summary>Special orders (電話マーク) have no date to request.</summary>
    SpecialOrderHasNoDate,
}

/// <summary>The verdict on a requested delivery date, with the earliest date it was checked against.</summary>
public sealed record RequestedDateCheck(RequestedDateRejection? Rejection, DateOnly? EarliestDelivery)
{
    public bool IsAllowed => Rejection is null;
}
