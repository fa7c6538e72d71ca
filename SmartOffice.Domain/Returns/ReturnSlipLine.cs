namespace SmartOffice.Domain.Returns;

public enum ReturnReason
{
    /// <summary>イメージ違い.</summary>
    ImageDiffers,
    /// <summary>注文間違い.</summary>
    OrderedByMistake,
    /// <summary>破損 (our fault).</summary>
    DamagedOnArrival,
    /// <summary>誤配送 (our fault).</summary>
    WrongItemDelivered,
    Other,
}

public enum InspectionResult
{
    Pending,
    Accepted,
    Rejected,
}

public class ReturnSlipLine
{
    public int Id { get; set; }
    public int ReturnSlipId { get; set; }
    public int OrderLineId { get; set; }
    public int Quantity { get; set; }
    public ReturnReason Reason { get; set; }
    public string? Note { get; set; }
    /// <summary>未使用・未開封.</summary>
    public bool Unopened { get; set; }
    public InspectionResult Inspection { get; set; }
}
