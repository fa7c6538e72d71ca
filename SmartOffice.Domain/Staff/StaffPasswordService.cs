using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Staff;

/// <summary>A staff member's new password: the current one, the new one twice (<see cref="KeepSessionId"/>: the session
/// that stays signed in).</summary>
public sealed record OwnPasswordChange(string? CurrentPassword, string? NewPassword, string? Confirmation, string? KeepSessionId);

/// <summary>
/// Every member of staff changes their own password (/account/password, ASVS 6.2.2–6.2.5): the current one first, then a
/// new one by <see cref="StaffPasswordRules"/>. Their other sessions end. A wrong current password counts as a failed
/// sign-in, so the form cannot be used to guess it.
/// </summary>
public sealed class StaffPasswordService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time,
    IOptions<StaffOptions> options)
{
    private static readonly PasswordHasher<StaffUser> Hasher = new();

    public async Task ChangeOwnAsync(OwnPasswordChange change, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.OwnAccount);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == staff.Id && u.IsActive, cancellationToken)
                   ?? throw new AccessDeniedException(Capability.OwnAccount);
        if (string.IsNullOrEmpty(change.CurrentPassword))
            throw new BusinessRuleException("Staff.CurrentPasswordRequired");
        if (user.PasswordHash is null
            || Hasher.VerifyHashedPassword(user, user.PasswordHash, change.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            var locked = user.RecordWrongPassword(time.GetUtcNow(), options.Value.MaxFailedSignIns,
                TimeSpan.FromMinutes(options.Value.LockoutMinutes));
            if (locked)
                await db.EndOpenSessionsAsync(user.Id, StaffSessionEnd.Disabled, time.GetUtcNow(), cancellationToken);
            db.AuditEntries.Add(AuditTrail.BySelf(user, time, locked ? "Staff.LockedOut" : "Staff.CurrentPasswordWrong"));
            await db.SaveChangesAsync(cancellationToken);
            throw new BusinessRuleException(locked ? "Staff.LockedByPasswordChange" : "Staff.CurrentPasswordWrong");
        }
        StaffPasswordRules.Demand(change.NewPassword, user.UserName, user.DisplayName);
        if (change.NewPassword != change.Confirmation)
            throw new BusinessRuleException("Staff.PasswordConfirmationMismatch");
        if (change.NewPassword == change.CurrentPassword)
            throw new BusinessRuleException("Staff.PasswordUnchanged");

        user.SetOwnPassword(Hasher.HashPassword(user, change.NewPassword!));
        var ended = await db.EndOpenSessionsAsync(user.Id, StaffSessionEnd.PasswordChanged, time.GetUtcNow(), cancellationToken,
            change.KeepSessionId);
        // Never the password, only that it changed and how many other sessions were ended.
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Staff.PasswordChanged", nameof(StaffUser), user.Id, null,
            new { OtherSessionsEnded = ended }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
