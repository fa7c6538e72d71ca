namespace SmartOffice.Domain.Points;

public enum PointEntryKind
{
    Earn,
    /// <summary>Prize exchange (賞品交換).</summary>
    Spend,
    Expire,
    TransferOut,
    TransferIn,
    /// <summary>Taken back when goods are returned.</summary>
    Reversal,
    /// <summary>Supervisor's manual adjustment, with a reason.</summary>
    Adjustment,
    /// <summary>A cancelled prize application gives its lots back.</summary>
    Restore,
}

/// <summary>An appended, never edited, movement of points on one lot.</summary>
public class PointLedgerEntry
{
    public long Id { get; set; }
    public int PointAccountId { get; set; }
    public int PointLotId { get; set; }
    public PointEntryKind Kind { get; set; }
    /// <summary>Signed: earnings positive, spending and expiry negative.</summary>
    public int Points { get; set; }
    public DateOnly BusinessDate { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public int? OrderId { get; set; }
    public int? ReturnSlipId { get; set; }
    public int? PrizeApplicationId { get; set; }
    public string? StaffId { get; set; }
    public string? Reason { get; set; }
}
