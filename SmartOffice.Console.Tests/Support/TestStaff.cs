using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Support;

/// <summary>A caller for domain services in tests.</summary>
public sealed record TestStaff(string Id, string Name, int? DealerId, params string[] Roles) : ICurrentStaff
{
    public bool IsAuthenticated => Roles.Length > 0;
    public bool IsInRole(string role) => Roles.Contains(role);

    public static readonly TestStaff Anonymous = new("", "", null);
    public static readonly TestStaff DeskAgent = new("desk", "田中 美咲", null, StaffRoles.DeskAgent);
    public static readonly TestStaff Supervisor = new("super", "伊藤 真理", null, StaffRoles.Supervisor);
    public static readonly TestStaff Administrator = new("admin", "渡辺 浩", null, StaffRoles.Administrator);
    public static TestStaff DealerRep(int dealerId) => new("dealer", "鈴木 一郎", dealerId, StaffRoles.DealerRep);
}
