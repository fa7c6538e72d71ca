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

/// <summary>
/// ポイント交換申請 — by web, or by the FAX prize application form keyed by the desk. Its workflow (docs/business-rules.md
/// §6) is guarded here: 受付 → 手配中 → 発送済 → 完了, cancelled only before it ships.
/// </summary>
public class PrizeApplication : IVersioned
{
    private PrizeApplication()
    {
    }

    public int Id { get; private set; }
    public string ApplicationNumber { get; private set; } = "";
    public int PointAccountId { get; private set; }
    public int PrizeId { get; private set; }
    public int Quantity { get; private set; }
    public int Points { get; private set; }
    public OrderChannel Channel { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public PrizeApplicationStatus Status { get; private set; }
    public DateTimeOffset? ArrangedAt { get; private set; }
    public DateTimeOffset? ShippedAt { get; private set; }
    public string? Carrier { get; private set; }
    public string? TrackingNumber { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    /// <summary>The desk agent who keyed a FAX application (null for web).</summary>
    public string? KeyedByStaffId { get; private set; }
    public string? CancelReason { get; private set; }
    /// <summary>The inbox FAX it was keyed from (受信FAX), when keyed beside one.</summary>
    public int? FaxInboxItemId { get; private set; }
    public int Version { get; set; }

    /// <summary>
    /// 受付: an application received now. Its number is provisional (unique) until <see cref="Number"/> gives it the day
    /// and the id.
    /// </summary>
    public static PrizeApplication Receive(int pointAccountId, int prizeId, int quantity, int points, OrderChannel channel,
        DateTimeOffset receivedAt, string? keyedBy, int? faxInboxItemId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        return new PrizeApplication
        {
            ApplicationNumber = $"PX{Guid.NewGuid():N}"[..20], PointAccountId = pointAccountId, PrizeId = prizeId, Quantity = quantity,
            Points = points, Channel = channel, ReceivedAt = receivedAt, Status = PrizeApplicationStatus.Received,
            KeyedByStaffId = keyedBy, FaxInboxItemId = faxInboxItemId,
        };
    }

    /// <summary>
    /// An application received in the past with the id and number it was given (the demo generator writes rows with their
    /// keys; tests); it moves on through the same steps as a new one.
    /// </summary>
    public static PrizeApplication Keyed(int id, string applicationNumber, int pointAccountId, int prizeId, int quantity, int points,
        OrderChannel channel, DateTimeOffset receivedAt)
    {
        var application = Receive(pointAccountId, prizeId, quantity, points, channel, receivedAt, keyedBy: null);
        (application.Id, application.ApplicationNumber) = (id, applicationNumber);
        return application;
    }

    /// <summary>The number once the database gave the application an id: PA + the day it was received (Japan) + the id.</summary>
    public void Number(DateOnly receivedOn) => ApplicationNumber = $"PA{receivedOn:yyMMdd}{Id:D5}";

    /// <summary>受付 → 手配中.</summary>
    public void Arrange(DateTimeOffset at)
    {
        MoveTo(PrizeApplicationStatus.Arranged, PrizeApplicationStatus.Received);
        ArrangedAt = at;
    }

    /// <summary>手配中 → 発送済, with the carrier and its tracking number.</summary>
    public void Ship(DateTimeOffset at, string carrier, string trackingNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(carrier);
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingNumber);
        MoveTo(PrizeApplicationStatus.Shipped, PrizeApplicationStatus.Arranged);
        (ShippedAt, Carrier, TrackingNumber) = (at, carrier, trackingNumber);
    }

    /// <summary>発送済 → 完了.</summary>
    public void Complete(DateTimeOffset at)
    {
        MoveTo(PrizeApplicationStatus.Done, PrizeApplicationStatus.Shipped);
        CompletedAt = at;
    }

    /// <summary>Cancelled with a reason, only before it ships (受付 or 手配中).</summary>
    public void Cancel(DateTimeOffset at, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status is not (PrizeApplicationStatus.Received or PrizeApplicationStatus.Arranged))
            throw new BusinessRuleException("Prizes.CannotCancel", ApplicationNumber);
        (Status, CancelledAt, CancelReason) = (PrizeApplicationStatus.Cancelled, at, reason);
    }

    private void MoveTo(PrizeApplicationStatus to, PrizeApplicationStatus from)
    {
        if (Status != from)
            throw new BusinessRuleException("Prizes.WrongStatus", ApplicationNumber);
        Status = to;
    }
}
