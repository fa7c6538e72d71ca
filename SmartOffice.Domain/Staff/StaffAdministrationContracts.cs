namespace SmartOffice.Domain.Staff;

/// <summary>A staff member as the staff list shows one; <see cref="Version"/> is what a change must have seen.</summary>
public sealed record StaffRow(string Id, string UserName, string DisplayName, string? Role, int? DealerId, string? DealerName,
    DateTimeOffset? LastSignInAt, DateTimeOffset? LockedUntil, bool IsActive, bool IsDemo, bool MustChangePassword, string Version)
{
    public bool IsLocked => LockedUntil is not null;
}

/// <summary>One staff member with their history: sign-ins, failures, session ends and every change, newest first.</summary>
public sealed record StaffDetail(StaffRow Staff, IReadOnlyList<Auditing.AuditEntry> History);

public sealed record DealerChoice(int Id, string Code, string Name);

/// <summary>A new member of staff: the role, and the dealer when the role is <see cref="StaffRoles.DealerRep"/>.</summary>
public sealed record NewStaffMember(string? UserName, string? DisplayName, string? Role, int? DealerId);

public sealed record StaffAccessChange(string StaffId, string Version, string? Role, int? DealerId);

/// <summary>The temporary password, shown once to the administrator to hand over; stored only hashed, changed at first sign-in.</summary>
public sealed record TemporaryPasswordIssued(string StaffId, string UserName, string TemporaryPassword);
