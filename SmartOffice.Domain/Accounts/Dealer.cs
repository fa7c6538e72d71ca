using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Accounts;

/// <summary>担当販売店 — the sales partner that owns a customer relationship, billing and customisation.</summary>
public class Dealer : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? ContactPerson { get; set; }
    public required string Phone { get; set; }
    public string? Fax { get; set; }
    public string? Email { get; set; }
    public string? PostalCode { get; set; }
    public string? Address { get; set; }
    public int Version { get; set; }
}
