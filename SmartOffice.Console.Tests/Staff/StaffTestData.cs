using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>Staff accounts and sessions written straight into a test database, with the ids of <see cref="TestStaff"/>
/// where a test calls as them.</summary>
public static class StaffTestData
{
    public const string Password = "kagi-no-hashira-7";

    public static async Task<StaffUser> AddStaffMemberAsync(this TestDatabase database, string id, string userName, string role,
        string password = Password, int? dealerId = null, bool isDemo = false, bool isActive = true)
    {
        await using var db = database.CreateDbContext();
        var user = new StaffUser
        {
            Id = id, UserName = userName, NormalizedUserName = StaffNames.Normalize(userName), DisplayName = $"{userName} 氏",
            EmailConfirmed = true, LockoutEnabled = true, DealerId = dealerId, IsDemo = isDemo, IsActive = isActive,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        user.PasswordHash = new PasswordHasher<StaffUser>().HashPassword(user, password);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = id,
            RoleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync() });
        await db.SaveChangesAsync();
        return user;
    }

    public static async Task<StaffUser> StaffAsync(this TestDatabase database, string id)
    {
        await using var db = database.CreateDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    public static async Task<string?> RoleOfAsync(this TestDatabase database, string id)
    {
        await using var db = database.CreateDbContext();
        return await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).SingleAsync();
    }

    public static async Task<StaffSession> SessionAsync(this TestDatabase database, string sessionId)
    {
        await using var db = database.CreateDbContext();
        return await db.StaffSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
    }

    public static async Task<IReadOnlyList<string>> AuditActionsAsync(this TestDatabase database, string staffId)
    {
        await using var db = database.CreateDbContext();
        return await db.AuditEntries.Where(a => a.EntityType == nameof(StaffUser) && a.EntityId == staffId).OrderBy(a => a.Id)
            .Select(a => a.Action).ToListAsync();
    }

    public static async Task<int> AddDealerAsync(this TestDatabase database, string code)
    {
        await using var db = database.CreateDbContext();
        var dealer = db.Dealers.Add(new Dealer { Code = code, Name = $"販売店{code}", Phone = "03-0000-0000" }).Entity;
        await db.SaveChangesAsync();
        return dealer.Id;
    }

    public static bool Verifies(this StaffUser user, string password) =>
        new PasswordHasher<StaffUser>().VerifyHashedPassword(user, user.PasswordHash!, password) != PasswordVerificationResult.Failed;
}
