using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Staff;

/// <summary>
/// システム管理者 run the console's own staff (/staff): list, create with a temporary password, change role or dealer, disable
/// and enable, unlock, reset the password. Every change is audited and ends the person's sessions where their rights
/// change; the last active administrator is never disabled or demoted. See docs/staff-and-production.md.
/// </summary>
public sealed class StaffAdministrationService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time)
{
    private const int HistoryShown = 50;
    private const string ChangedKey = "Staff.Changed";
    private static readonly PasswordHasher<StaffUser> Hasher = new();

    public async Task<IReadOnlyList<StaffRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.StaffAdministration);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Rows(db, db.Users.AsNoTracking()).ToListAsync(cancellationToken);
        // Active first, then by role as the role table lists them, then by user name.
        return rows.OrderByDescending(r => r.IsActive).ThenBy(r => RoleOrder(r.Role))
            .ThenBy(r => r.UserName, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<StaffDetail> GetAsync(string staffId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.StaffAdministration);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = (await Rows(db, db.Users.AsNoTracking().Where(u => u.Id == staffId)).ToListAsync(cancellationToken)).SingleOrDefault()
                  ?? throw new BusinessRuleException("Staff.NotFound");
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(StaffUser) && a.EntityId == staffId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(HistoryShown).ToListAsync(cancellationToken);
        return new StaffDetail(row, history);
    }

    /// <summary>The dealers a dealer rep may be bound to.</summary>
    public async Task<IReadOnlyList<DealerChoice>> DealersAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.StaffAdministration);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Dealers.AsNoTracking().OrderBy(d => d.Code).Select(d => new DealerChoice(d.Id, d.Code, d.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<TemporaryPasswordIssued> CreateAsync(NewStaffMember member, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.StaffAdministration);
        var userName = StaffNames.UserName(member.UserName);
        var displayName = StaffNames.DisplayName(member.DisplayName);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var role = await RoleAsync(db, member.Role, cancellationToken);
        var dealerId = await DealerForAsync(db, role.Name!, member.DealerId, cancellationToken);
        var normalized = StaffNames.Normalize(userName);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
            throw new BusinessRuleException("Staff.UserNameTaken", userName);

        var user = new StaffUser
        {
            UserName = userName, NormalizedUserName = normalized, DisplayName = displayName, DealerId = dealerId,
            EmailConfirmed = true, LockoutEnabled = true,
        };
        var password = TemporaryPassword();
        user.SetTemporaryPassword(Hasher.HashPassword(user, password));
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Staff.Created", nameof(StaffUser), user.Id, null,
            new { user.UserName, user.DisplayName, Role = role.Name, Dealer = dealerId }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw new BusinessRuleException("Staff.UserNameTaken", userName);
        }
        return new TemporaryPasswordIssued(user.Id, userName, password);
    }

    /// <summary>A new role or dealer: the person's open sessions end, they sign in again with the new rights.</summary>
    public async Task ChangeAccessAsync(StaffAccessChange change, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.StaffAdministration);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await LoadAsync(db, change.StaffId, change.Version, cancellationToken);
        var role = await RoleAsync(db, change.Role, cancellationToken);
        var dealerId = await DealerForAsync(db, role.Name!, change.DealerId, cancellationToken);
        var links = await db.UserRoles.Where(r => r.UserId == user.Id).ToListAsync(cancellationToken);
        var before = new { Role = await RoleNameAsync(db, user.Id, cancellationToken), Dealer = user.DealerId };
        if (links.Count == 1 && links[0].RoleId == role.Id && user.DealerId == dealerId)
            return;
        if (before.Role == StaffRoles.Administrator && role.Name != StaffRoles.Administrator)
            await KeepAnotherAdministratorAsync(db, user, cancellationToken);

        db.UserRoles.RemoveRange(links);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        user.AssignDealer(dealerId);
        await db.EndOpenSessionsAsync(user.Id, StaffSessionEnd.AccessChanged, time.GetUtcNow(), cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Staff.AccessChanged", nameof(StaffUser), user.Id, before,
            new { Role = role.Name, Dealer = dealerId }));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
    }

    /// <summary>Someone who left: no sign-in, and their open pages and cookies stop at the next check.</summary>
    public async Task DisableAsync(string staffId, string version, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.StaffAdministration);
        if (staffId == staff.Id)
            throw new BusinessRuleException("Staff.CannotDisableSelf");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await LoadAsync(db, staffId, version, cancellationToken);
        if (!user.IsActive)
            return;
        if (await RoleNameAsync(db, user.Id, cancellationToken) == StaffRoles.Administrator)
            await KeepAnotherAdministratorAsync(db, user, cancellationToken);
        user.Disable();
        await db.EndOpenSessionsAsync(user.Id, StaffSessionEnd.Disabled, time.GetUtcNow(), cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Staff.Disabled", nameof(StaffUser), user.Id, new { IsActive = true },
            new { IsActive = false }));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
    }

    public async Task EnableAsync(string staffId, string version, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.StaffAdministration);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await LoadAsync(db, staffId, version, cancellationToken);
        if (user.IsActive)
            return;
        user.Enable();
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Staff.Enabled", nameof(StaffUser), user.Id, new { IsActive = false },
            new { IsActive = true }));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
    }

    /// <summary>Lifts a lockout after too many wrong passwords.</summary>
    public async Task UnlockAsync(string staffId, string version, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.StaffAdministration);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await LoadAsync(db, staffId, version, cancellationToken);
        if (!user.IsLockedOutAt(time.GetUtcNow()))
            throw new BusinessRuleException("Staff.NotLocked", user.UserName);
        var before = new { LockedUntil = user.LockoutEnd };
        user.Unlock();
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Staff.Unlocked", nameof(StaffUser), user.Id, before,
            new { LockedUntil = (DateTimeOffset?)null }));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
    }

    /// <summary>A forgotten password: a new temporary one (unlocking the account), the person's sessions end.</summary>
    public async Task<TemporaryPasswordIssued> ResetPasswordAsync(string staffId, string version,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.StaffAdministration);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await LoadAsync(db, staffId, version, cancellationToken);
        var password = TemporaryPassword();
        user.SetTemporaryPassword(Hasher.HashPassword(user, password));
        await db.EndOpenSessionsAsync(user.Id, StaffSessionEnd.PasswordReset, time.GetUtcNow(), cancellationToken);
        // The audit says a temporary password was issued, never which.
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Staff.PasswordReset", nameof(StaffUser), user.Id, null,
            new { TemporaryPassword = true }));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        return new TemporaryPasswordIssued(user.Id, user.UserName!, password);
    }

    private static IQueryable<StaffRow> Rows(SmartOfficeDbContext db, IQueryable<StaffUser> users) =>
        users.Select(u => new StaffRow(u.Id, u.UserName!, u.DisplayName,
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            u.DealerId, db.Dealers.Where(d => d.Id == u.DealerId).Select(d => d.Name).FirstOrDefault(),
            db.StaffSessions.Where(s => s.UserId == u.Id).Max(s => (DateTimeOffset?)s.StartedAt),
            u.LockoutEnd, u.IsActive, u.IsDemo, u.MustChangePassword, u.ConcurrencyStamp!));

    private static int RoleOrder(string? role) => StaffRoles.All.Contains(role) ? StaffRoles.All.ToList().IndexOf(role!)
        : StaffRoles.All.Count;

    private async Task<StaffUser> LoadAsync(SmartOfficeDbContext db, string staffId, string version, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == staffId, cancellationToken)
            ?? throw new BusinessRuleException("Staff.NotFound");
        return user.ConcurrencyStamp == version ? user : throw new BusinessRuleException(ChangedKey);
    }

    private static async Task<IdentityRole> RoleAsync(SmartOfficeDbContext db, string? role, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(role) ? throw new BusinessRuleException("Staff.RoleRequired")
        : StaffRoles.All.Contains(role) ? await db.Roles.SingleAsync(r => r.Name == role, cancellationToken)
        : throw new BusinessRuleException("Staff.RoleUnknown", role);

    private static Task<string?> RoleNameAsync(SmartOfficeDbContext db, string userId, CancellationToken cancellationToken) =>
        db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A dealer rep needs their dealer; nobody else has one.</summary>
    private static async Task<int?> DealerForAsync(SmartOfficeDbContext db, string role, int? dealerId, CancellationToken cancellationToken)
    {
        if (role != StaffRoles.DealerRep)
            return null;
        if (dealerId is null)
            throw new BusinessRuleException("Staff.DealerRequired");
        return await db.Dealers.AnyAsync(d => d.Id == dealerId, cancellationToken) ? dealerId
            : throw new BusinessRuleException("Staff.DealerUnknown");
    }

    /// <summary>
    /// Another active administrator must remain. The Administrator role's stamp changes in the same save, so two administrators
    /// removing each other at once cannot both succeed (the second is told to reload).
    /// </summary>
    private static async Task KeepAnotherAdministratorAsync(SmartOfficeDbContext db, StaffUser user, CancellationToken cancellationToken)
    {
        var role = await db.Roles.SingleAsync(r => r.Name == StaffRoles.Administrator, cancellationToken);
        var others = await db.UserRoles.Where(ur => ur.RoleId == role.Id && ur.UserId != user.Id)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (_, u) => u).AnyAsync(u => u.IsActive, cancellationToken);
        if (!others)
            throw new BusinessRuleException("Staff.LastAdministrator");
        role.ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    /// <summary>12 characters without look-alikes (0/O, 1/l/I): read out or typed from a note.</summary>
    private static string TemporaryPassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 12);
}
