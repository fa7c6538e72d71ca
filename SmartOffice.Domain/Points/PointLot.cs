namespace SmartOffice.Domain.Points;

/// <summary>
/// Points earned together, valid through one date. <see cref="Remaining"/> is a cache of the
/// ledger entries that reference the lot; it must always equal their sum.
/// </summary>
public class PointLot
{
    public int Id { get; set; }
    public int PointAccountId { get; set; }
    public int Points { get; set; }
    public int Remaining { get; set; }
    public DateOnly EarnedOn { get; set; }
    /// <summary>有効期限: end of the same month of the next year.</summary>
    public DateOnly ValidThrough { get; set; }
    public int? OrderId { get; set; }
}
