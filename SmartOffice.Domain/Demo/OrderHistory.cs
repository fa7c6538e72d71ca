using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Demo;

/// <summary>
/// A point lot as an order earned it. The points phase spends, takes back and expires it before it is written,
/// so lots are kept as compact structs rather than entities (a million of them for the large profile).
/// </summary>
internal struct LotState
{
    public int Id;
    public int AccountId;
    public int OrderId;
    public int Points;
    public int Remaining;
    public DateOnly EarnedOn;
    public DateOnly ValidThrough;
    public DateTimeOffset RecordedAt;
}

/// <summary>A delivered order line that a return slip may name.</summary>
internal sealed record ReturnableLine(int OrderLineId, int Quantity, int UnitPrice, TaxClass TaxClass, bool NonReturnable);

/// <summary>A recently delivered single-shipment order a return slip may be keyed against.</summary>
internal sealed record ReturnCandidate(
    int OrderId, int CustomerId, int? LotId, DateOnly DeliveredOn, int GoodsSubtotal, int PointsEarned, int ShippingFee,
    IReadOnlyList<ReturnableLine> Lines);

internal sealed class OrderHistory
{
    public List<LotState> Lots { get; } = [];
    /// <summary>Lots earned before today: later phases draw only from these, so the time of day does not reshuffle them.</summary>
    public int LotsBeforeToday { get; set; }
    public List<ReturnCandidate> ReturnCandidates { get; } = [];
}
