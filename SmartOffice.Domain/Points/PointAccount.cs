using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Points;

public enum PointAccountKind
{
    /// <summary>A web user's account: web orders earn here.</summary>
    WebUser,
    /// <summary>The department's account: FAX orders earn here.</summary>
    Department,
}

/// <summary>ポイント口座. Its balance is derived from the ledger, never stored alone.</summary>
public class PointAccount : IVersioned
{
    public int Id { get; set; }
    public PointAccountKind Kind { get; set; }
    public int DepartmentId { get; set; }
    public int? WebUserId { get; set; }
    public int Version { get; set; }
}
