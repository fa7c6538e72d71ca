namespace SmartOffice.Domain.Ordering;

/// <summary>An order whose stock-out notice has not been marked sent; <see cref="AgeDays"/> counts from its 受付日.</summary>
public sealed record FollowUpNotice(int OrderId, string OrderNumber, string CustomerCode, string CustomerName, DateOnly AcceptanceDay,
    DateTimeOffset ReceivedAt, int ShortLines, int AgeDays);

/// <summary>A line waiting for stock (入荷待ち), <see cref="AgeDays"/> since its order's 受付日, in age band <see cref="Band"/>.</summary>
public sealed record FollowUpBackOrder(int OrderId, string OrderNumber, string CustomerName, DateOnly AcceptanceDay, int LineNumber,
    string ProductCode, string ProductName, int Quantity, int AgeDays, int Band);

/// <summary>A special-order shipment (電話マーク) still without the maker's date: お届け日未定 for <see cref="AgeDays"/> days.</summary>
public sealed record FollowUpSpecialOrder(int OrderId, string OrderNumber, int ShipmentId, string CustomerName, DateOnly AcceptanceDay,
    int Lines, ShipmentStatus Status, int AgeDays);

/// <summary>Back orders that have waited from <see cref="FromDays"/> days up to (not including) <see cref="ToDays"/>; null = no end.</summary>
public sealed record FollowUpBand(int FromDays, int? ToDays, int Count);

/// <summary>The desk's follow-up figures (dashboard and tabs).</summary>
public sealed record FollowUpCounts(int NoticesNotSent, IReadOnlyList<FollowUpBand> BackOrdersByAge, int SpecialOrdersWithoutDate)
{
    public int BackOrders => BackOrdersByAge.Sum(b => b.Count);
}

/// <summary>The three follow-up lists, oldest first, each cut at <see cref="RowLimit"/> rows (the counts are whole).</summary>
public sealed record FollowUpView(FollowUpCounts Counts, IReadOnlyList<FollowUpNotice> Notices, IReadOnlyList<FollowUpBackOrder> BackOrders,
    IReadOnlyList<FollowUpSpecialOrder> SpecialOrders, int RowLimit);
