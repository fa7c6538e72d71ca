using SmartOffice.Domain.Staff;

namespace SmartOffice.Bench;

/// <summary>The caller of the domain services in a benchmark: a desk agent (or a dealer rep bound to one dealer).</summary>
internal sealed record BenchStaff(string Id, string Name, int? DealerId, params string[] Roles) : ICurrentStaff
{
    public bool IsAuthenticated => true;
    public bool IsInRole(string role) => Roles.Contains(role);

    public static readonly BenchStaff Desk = new("bench-desk", "ベンチ 担当", null, StaffRoles.DeskAgent);
}
