using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Accounts;

/// <summary>登録届け先 — an extra registered ship-to (a branch) of a customer.</summary>
public class ShipTo : IVersioned
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public required string Name { get; set; }
    public required string PostalCode { get; set; }
    public required string Address { get; set; }
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
}
