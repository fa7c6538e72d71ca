using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Prizes;

public enum PrizeApplicationStatus
{
    /// <summary>受付.</summary>
    Received,
    /// <summary>手配中.</summary>
    Arranged,
    /// <summary>発送済 (carrier and tracking number known).</summary>
    Shipped,
    /// <summary>完了.</summary>
    Done,
    Cancelled,
}

/// <summary>ポイント交換申請 — by web, or by the FAX prize application form keyed by the desk.</summary>
public class PrizeApplication : IVersioned
{
    public int Id { get; set; }
    public required string ApplicationNumber { get; set; }
    public int PointAccountId { get; set; }
    public int PrizeId { get; set; }
    public int Quantity { get; set; }
    public int Points { get; set; }
    public OrderChannel Channel { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public PrizeApplicationStatus Status { get; set; }
    public DateTimeOffset? ArrangedAt { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }
    public string? Carrier { get; set; }
    public string? TrackingNumber { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    /// <summary>The desk agent who keyed a FAX application (null for web).</summary>
    public string? KeyedByStaffId { get; set; }
    public string? CancelReason { get; set; }
    /// <summary>The inbox FAX it was keyed from (受信FAX), when keyed beside one.</summary>
    public int? FaxInboxItemId { get; set; }
    public int Version { get; set; }
}
