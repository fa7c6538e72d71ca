using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Points;

public enum BalanceRequestStatus
{
    Open,
    Sent,
}

/// <summary>FAX専用ポイント確認依頼用紙 — a faxed request for the point balance, answered by FAX once.</summary>
public class BalanceRequest : IVersioned
{
    private BalanceRequest()
    {
    }

    public int Id { get; private set; }
    public int CustomerId { get; private set; }
    public int DepartmentId { get; private set; }
    public int? PointAccountId { get; private set; }
    public DateTimeOffset FaxReceivedAt { get; private set; }
    public BalanceRequestStatus Status { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? SentByStaffId { get; private set; }
    /// <summary>The inbox FAX it was keyed from (受信FAX), when keyed beside one.</summary>
    public int? FaxInboxItemId { get; private set; }
    public int Version { get; set; }

    /// <summary>A request registered against the department's account, open until its reply is sent.</summary>
    public static BalanceRequest Register(int customerId, int departmentId, int? pointAccountId, DateTimeOffset faxReceivedAt,
        int? faxInboxItemId = null, int id = 0) => new()
    {
        Id = id, CustomerId = customerId, DepartmentId = departmentId, PointAccountId = pointAccountId, FaxReceivedAt = faxReceivedAt,
        Status = BalanceRequestStatus.Open, FaxInboxItemId = faxInboxItemId,
    };

    /// <summary>送信済: the reply went out by FAX; once only.</summary>
    public void MarkSent(DateTimeOffset at, string staffId)
    {
        if (Status == BalanceRequestStatus.Sent)
            throw new BusinessRuleException("Points.RequestAlreadySent");
        (Status, SentAt, SentByStaffId) = (BalanceRequestStatus.Sent, at, staffId);
    }
}
