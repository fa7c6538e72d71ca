namespace SmartOffice.Domain.Accounts;

/// <summary>注文ロック — a product or a whole category a customer blocks from ordering.</summary>
public class OrderLock
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public int? ProductId { get; set; }
    public int? CategoryId { get; set; }
    /// <summary>Who at the customer asked for it (the department administrator, by phone/FAX/visit).</summary>
    public string? RequestedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
