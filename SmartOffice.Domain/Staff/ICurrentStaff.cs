namespace SmartOffice.Domain.Staff;

/// <summary>Who is calling a domain service. The app fills it from the signed-in user; the domain knows no HTTP.</summary>
public interface ICurrentStaff
{
    bool IsAuthenticated { get; }
    string Id { get; }
    string Name { get; }
    /// <summary>The dealer a dealer rep belongs to; null for other roles.</summary>
    int? DealerId { get; }
    bool IsInRole(string role);
}
