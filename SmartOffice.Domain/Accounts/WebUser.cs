using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Accounts;

/// <summary>Web利用者 — a person with a web ordering ID, in one department.</summary>
public class WebUser : IVersioned
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    /// <summary>The sign-in ID (Web利用者ID).</summary>
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    /// <summary>管理者 of the department: sets budgets, approvals, users.</summary>
    public bool IsAdministrator { get; set; }
    /// <summary>ASP.NET Core PasswordHasher format.</summary>
    public required string PasswordHash { get; set; }
    public int FailedPasswordCount { get; set; }
    /// <summary>ID失効: set on the failure past the threshold; only the desk clears it.</summary>
    public DateTimeOffset? LockedAt { get; set; }
    public DateTimeOffset? LastFailedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    /// <summary>Temporary password issued by the desk: must change at next sign-in.</summary>
    public bool MustChangePassword { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
}
