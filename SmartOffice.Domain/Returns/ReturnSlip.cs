using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Returns;

public enum ReturnSlipStatus
{
    /// <summary>受付.</summary>
    Received,
    /// <summary>集荷手配.</summary>
    PickupArranged,
    /// <summary>検品済.</summary>
    Inspected,
    /// <summary>返金処理.</summary>
    Credited,
    /// <summary>完了.</summary>
    Done,
    Rejected,
}

/// <summary>返品伝票 — keyed from a faxed 返品依頼書 against one original order.</summary>
public class ReturnSlip : IVersioned
{
    public int Id { get; set; }
    public required string SlipNumber { get; set; }
    public int OrderId { get; set; }
    public int CustomerId { get; set; }
    /// <summary>The day the return request form was received (the 90-day limit counts to it).</summary>
    public DateOnly FormReceivedOn { get; set; }
    public ReturnSlipStatus Status { get; set; }
    public string? RejectReason { get; set; }
    /// <summary>Credited goods, yen ex-tax.</summary>
    public int CreditAmount { get; set; }
    public int CreditTaxStandard { get; set; }
    public int CreditTaxReduced { get; set; }
    public int ShippingRefund { get; set; }
    public int PointsReversed { get; set; }
    /// <summary>Points that could not be taken back because the balance was already spent.</summary>
    public int PointsShortfall { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedByStaffId { get; set; }
    /// <summary>The inbox FAX it was keyed from (受信FAX), when keyed beside one.</summary>
    public int? FaxInboxItemId { get; set; }
    public int Version { get; set; }

    public List<ReturnSlipLine> Lines { get; set; } = [];
}
