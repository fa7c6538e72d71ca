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

/// <summary>One line of a return slip; added and inspected only through its <see cref="ReturnSlip"/>.</summary>
public class ReturnSlipLine
{
    private ReturnSlipLine()
    {
    }

    internal ReturnSlipLine(int id, int returnSlipId, int orderLineId, int quantity, ReturnReason reason, bool unopened, string? note)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        (Id, ReturnSlipId, OrderLineId, Quantity) = (id, returnSlipId, orderLineId, quantity);
        (Reason, Unopened, Note) = (reason, unopened, note);
        Inspection = InspectionResult.Pending;
    }

    public int Id { get; private set; }
    public int ReturnSlipId { get; private set; }
    public int OrderLineId { get; private set; }
    public int Quantity { get; private set; }
    public ReturnReason Reason { get; private set; }
    public string? Note { get; private set; }
    /// <summary>未使用・未開封.</summary>
    public bool Unopened { get; private set; }
    public InspectionResult Inspection { get; private set; }

    /// <summary>Goods damaged or wrong on our side (破損・誤配送): accepted opened and non-returnable too; the 90 days still apply.</summary>
    public static bool IsOurFault(ReturnReason reason) => reason is ReturnReason.DamagedOnArrival or ReturnReason.WrongItemDelivered;

    internal void Inspect(bool accepted) => Inspection = accepted ? InspectionResult.Accepted : InspectionResult.Rejected;
}
