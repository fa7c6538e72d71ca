using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Points;

public enum BalanceRequestStatus
{
    Open,
    Sent,
}

/// <summary>FAX専用ポイント確認依頼用紙 — a faxed request for the point balance, answered by FAX.</summary>
public class BalanceRequest : IVersioned
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public int DepartmentId { get; set; }
    public int? PointAccountId { get; set; }
    public DateTimeOffset FaxReceivedAt { get; set; }
    public BalanceRequestStatus Status { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? SentByStaffId { get; set; }
    /// <summary>The inbox FAX it was keyed from (受信FAX), when keyed beside one.</summary>
    public int? FaxInboxItemId { get; set; }
    public int Version { get; set; }
}
