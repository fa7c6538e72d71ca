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

/// <summary>What a credit gives back: goods ex-tax, tax per rate, the shipping refund and the points due back.</summary>
public sealed record ReturnCredit(int Goods, int TaxStandard, int TaxReduced, int ShippingRefund, int PointsDue);

/// <summary>
/// 返品伝票 — keyed from a faxed 返品依頼書 against one original order. Its workflow (docs/business-rules.md §4) is guarded
/// here: 受付 → 集荷手配 → 検品済 → 返金処理 → 完了, or 却下 before the credit; a step from any other status is refused.
/// </summary>
public class ReturnSlip : IVersioned
{
    private readonly List<ReturnSlipLine> _lines = [];

    private ReturnSlip()
    {
    }

    public int Id { get; private set; }
    public string SlipNumber { get; private set; } = "";
    public int OrderId { get; private set; }
    public int CustomerId { get; private set; }
    /// <summary>The day the return request form was received (the 90-day limit counts to it).</summary>
    public DateOnly FormReceivedOn { get; private set; }
    public ReturnSlipStatus Status { get; private set; }
    public string? RejectReason { get; private set; }
    /// <summary>Credited goods, yen ex-tax.</summary>
    public int CreditAmount { get; private set; }
    public int CreditTaxStandard { get; private set; }
    public int CreditTaxReduced { get; private set; }
    public int ShippingRefund { get; private set; }
    public int PointsReversed { get; private set; }
    /// <summary>Points that could not be taken back because the balance was already spent.</summary>
    public int PointsShortfall { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedByStaffId { get; private set; } = "";
    /// <summary>The inbox FAX it was keyed from (受信FAX), when keyed beside one.</summary>
    public int? FaxInboxItemId { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<ReturnSlipLine> Lines => _lines;

    /// <summary>
    /// 受付: a slip keyed now. Its number is provisional (unique) until <see cref="Number"/> gives it the day and the id.
    /// </summary>
    public static ReturnSlip Receive(int orderId, int customerId, DateOnly formReceivedOn, DateTimeOffset createdAt, string createdBy,
        int? faxInboxItemId = null) => new()
    {
        SlipNumber = $"RX{Guid.NewGuid():N}"[..20], OrderId = orderId, CustomerId = customerId, FormReceivedOn = formReceivedOn,
        Status = ReturnSlipStatus.Received, CreatedAt = createdAt, CreatedByStaffId = createdBy, FaxInboxItemId = faxInboxItemId,
    };

    /// <summary>
    /// A slip keyed in the past with the id and number it was given (the demo generator writes rows with their keys, and
    /// tests that need a slip without the keying rules); it moves on through the same steps as a keyed one.
    /// </summary>
    public static ReturnSlip Keyed(int id, string slipNumber, int orderId, int customerId, DateOnly formReceivedOn,
        DateTimeOffset createdAt, string createdBy)
    {
        var slip = Receive(orderId, customerId, formReceivedOn, createdAt, createdBy);
        (slip.Id, slip.SlipNumber) = (id, slipNumber);
        return slip;
    }

    /// <summary>The slip's number once the database gave it an id: R + the form's day + the id.</summary>
    public void Number() => SlipNumber = $"R{FormReceivedOn:yyMMdd}{Id:D5}";

    /// <summary>A line of the form, pending inspection; only while the slip is received.</summary>
    public ReturnSlipLine AddLine(int orderLineId, int quantity, ReturnReason reason, bool unopened, string? note, int id = 0)
    {
        Demand(ReturnSlipStatus.Received);
        var line = new ReturnSlipLine(id, Id, orderLineId, quantity, reason, unopened, note);
        _lines.Add(line);
        return line;
    }

    /// <summary>受付 → 集荷手配.</summary>
    public void ArrangePickup() => MoveTo(ReturnSlipStatus.PickupArranged, ReturnSlipStatus.Received);

    /// <summary>
    /// 集荷手配 → 検品済 with a verdict (accepted or not) for every line by its id; a slip whose every line is refused is
    /// rejected instead (<see cref="Reject"/>).
    /// </summary>
    public void Inspect(IReadOnlyDictionary<int, bool> acceptedByLine)
    {
        Demand(ReturnSlipStatus.PickupArranged);
        if (_lines.Any(l => !acceptedByLine.ContainsKey(l.Id)))
            throw new BusinessRuleException("Returns.InspectEveryLine");
        if (_lines.All(l => !acceptedByLine[l.Id]))
            throw new BusinessRuleException("Returns.AllLinesRejected");
        foreach (var line in _lines)
            line.Inspect(acceptedByLine[line.Id]);
        Status = ReturnSlipStatus.Inspected;
    }

    /// <summary>検品済 → 返金処理: the credit, with every point due counted as taken back until <see cref="PointsFellShort"/>.</summary>
    public void Credit(ReturnCredit credit)
    {
        MoveTo(ReturnSlipStatus.Credited, ReturnSlipStatus.Inspected);
        (CreditAmount, CreditTaxStandard, CreditTaxReduced, ShippingRefund) =
            (credit.Goods, credit.TaxStandard, credit.TaxReduced, credit.ShippingRefund);
        (PointsReversed, PointsShortfall) = (credit.PointsDue, 0);
    }

    /// <summary>Points the balance could not give back (already spent): recorded on the credited slip, never below zero.</summary>
    public void PointsFellShort(int shortfall)
    {
        Demand(ReturnSlipStatus.Credited);
        TakeShortfall(shortfall);
    }

    /// <summary>
    /// The demo generator's past slips: their points are settled after the slips' workflow, so a completed slip takes
    /// its shortfall too (docs/architecture.md "Returns, points and prizes").
    /// </summary>
    internal void PastPointsFellShort(int shortfall)
    {
        Demand(ReturnSlipStatus.Credited, ReturnSlipStatus.Done);
        TakeShortfall(shortfall);
    }

    private void TakeShortfall(int shortfall)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shortfall);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shortfall, PointsReversed);
        (PointsReversed, PointsShortfall) = (PointsReversed - shortfall, PointsShortfall + shortfall);
    }

    /// <summary>返金処理 → 完了.</summary>
    public void Complete() => MoveTo(ReturnSlipStatus.Done, ReturnSlipStatus.Credited);

    /// <summary>却下 with a reason, before the credit: every line refused, so its quantities no longer count against the order.</summary>
    public void Reject(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        MoveTo(ReturnSlipStatus.Rejected, ReturnSlipStatus.Received, ReturnSlipStatus.PickupArranged, ReturnSlipStatus.Inspected);
        RejectReason = reason;
        foreach (var line in _lines)
            line.Inspect(accepted: false);
    }

    private void MoveTo(ReturnSlipStatus to, params ReturnSlipStatus[] from)
    {
        Demand(from);
        Status = to;
    }

    private void Demand(params ReturnSlipStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new BusinessRuleException("Returns.WrongStatus", SlipNumber);
    }
}
