using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Prizes;

public enum PrizeApplicationStatus
{
    Received,
    Shipped,
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
    public DateTimeOffset? ShippedAt { get; set; }
    public string? CancelReason { get; set; }
    public int Version { get; set; }
}
